var builder = WebApplication.CreateBuilder(args);

// Origins come from appsettings: "Cors": { "Origins": [ "https://shop.example" ] }
var corsOrigins = builder.Configuration.GetValue<string[]>("Cors:Origins") ?? Array.Empty<string>();

builder.Services.AddCors(options =>
{
    options.AddPolicy("frontend", policy => policy
        .WithOrigins(corsOrigins)
        .AllowAnyHeader()
        .AllowAnyMethod()
        .AllowCredentials());
});
builder.Services.AddControllers();

var app = builder.Build();
app.UseCors("frontend");
app.MapControllers();
app.Run();
