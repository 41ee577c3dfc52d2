var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCors(options =>
{
    options.AddPolicy("Spa", policy => policy.WithOrigins("http://localhost:4200").AllowAnyHeader());

    // Production origins
    options.AddPolicy("Spa", policy => policy
        .WithOrigins("https://spa.contoso.com")
        .AllowAnyHeader()
        .AllowAnyMethod());
});

var app = builder.Build();
app.UseCors("Spa");
app.MapGet("/", () => "ok");
app.Run();
