var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("portal", policy =>
    {
        policy.WithOrigins("https://portal.wingtip.com:443", "http://intranet.wingtip.com:80");
        policy.AllowAnyHeader();
        policy.AllowAnyMethod();
    });
});

var app = builder.Build();
app.UseCors("portal");
app.MapGet("/api/tickets", () => Results.Ok());
app.Run();
