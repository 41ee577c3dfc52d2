var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("tenants", policy => policy
        .WithOrigins("https://*.contoso.com")
        .AllowAnyHeader()
        .AllowAnyMethod());
});

var app = builder.Build();
app.UseCors("tenants");
app.MapGet("/tenant/info", () => Results.Ok());
app.Run();
