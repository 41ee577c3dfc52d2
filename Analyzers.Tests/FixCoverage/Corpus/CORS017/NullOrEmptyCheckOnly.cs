var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    string? requestOrigin = context.Request.Headers["Origin"];
    if (!string.IsNullOrEmpty(requestOrigin))
    {
        context.Response.Headers["Access-Control-Allow-Origin"] = requestOrigin;
        context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
        context.Response.Headers["Vary"] = "Origin";
    }

    await next();
});

app.MapGet("/cart", () => Results.Ok());
app.Run();
