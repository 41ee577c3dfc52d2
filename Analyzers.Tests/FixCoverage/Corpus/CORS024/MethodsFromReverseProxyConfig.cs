var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCors(options =>
{
    options.AddPolicy("spa", policy => policy
        .WithOrigins("https://app.contoso.com")
        .WithMethods("GET,POST,PUT,DELETE,OPTIONS")
        .WithHeaders("Content-Type, Authorization, X-Requested-With")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("spa");
app.MapGet("/api/items", () => "items");
app.Run();
