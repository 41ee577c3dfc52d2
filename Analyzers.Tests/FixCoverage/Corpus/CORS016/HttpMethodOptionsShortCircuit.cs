var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = "https://maps.contoso.example";
    context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST, PUT";
    context.Response.Headers["Access-Control-Allow-Headers"] = "Content-Type";
    if (context.Request.Method == HttpMethod.Options.Method)
    {
        context.Response.StatusCode = 200;
        await context.Response.WriteAsync(string.Empty);
        return;
    }

    await next();
});
app.MapPut("/api/pins", () => Results.NoContent());
app.Run();
