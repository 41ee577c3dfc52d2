var builder = WebApplication.CreateBuilder(args);

// CORS_ORIGINS="https://app.example, https://admin.example"
var origins = builder.Configuration["CORS_ORIGINS"]?.Split(',') ?? Array.Empty<string>();

builder.Services.AddCors(options =>
{
    options.AddPolicy("AllowFrontend", policy =>
        policy.WithOrigins(origins)
              .AllowAnyHeader()
              .AllowAnyMethod());
});

var app = builder.Build();
app.UseCors("AllowFrontend");
app.MapGet("/health", () => "ok");
app.Run();
