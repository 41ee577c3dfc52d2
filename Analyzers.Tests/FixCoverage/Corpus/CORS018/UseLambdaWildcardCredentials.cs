var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
    context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
    await next(context);
});

app.MapGet("/profile", () => Results.Ok(new { name = "demo" }));
app.Run();
