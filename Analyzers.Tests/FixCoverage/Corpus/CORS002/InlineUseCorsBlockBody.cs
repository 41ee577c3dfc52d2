var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors();
var app = builder.Build();

app.UseCors(corsPolicyBuilder => corsPolicyBuilder
    .AllowAnyHeader()
    .AllowAnyMethod()
    .SetIsOriginAllowed(origin =>
    {
        return true;
    })
    .AllowCredentials());

app.MapGet("/session", () => Results.Ok());
app.Run();
