var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("desktop-shell", policy =>
    {
        policy.WithOrigins("null")
            .AllowAnyHeader()
            .AllowAnyMethod();
    });
});

var app = builder.Build();
app.UseCors("desktop-shell");
app.MapGet("/api/version", () => "1.0");
app.Run();
