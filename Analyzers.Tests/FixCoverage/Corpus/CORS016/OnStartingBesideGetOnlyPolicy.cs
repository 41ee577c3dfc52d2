// A policy for the dashboard, reads only; saving went through headers appended when the response starts.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
    options.AddPolicy("dashboard", policy => policy.WithOrigins("https://dashboard.fabrikam.example").WithMethods("GET")));

var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.OnStarting(() =>
    {
        context.Response.Headers.Append("Access-Control-Allow-Origin", "https://dashboard.fabrikam.example");
        context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, PUT, DELETE");
        context.Response.Headers.Append("Access-Control-Allow-Headers", "Content-Type");
        return Task.CompletedTask;
    });
    await next();
});
app.UseCors("dashboard");
app.MapGet("/api/widgets", () => Results.Ok());
app.MapPut("/api/widgets/{id}", (int id) => Results.NoContent());
app.Run();
