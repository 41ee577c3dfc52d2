// One string holds two origins; the second one is plain http.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("Clients", policy => policy
        .WithOrigins("https://app.litware.example,http://legacy.litware.example")
        .AllowAnyHeader()
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("Clients");
app.MapGet("/api/me", () => Results.Ok());
app.Run();
