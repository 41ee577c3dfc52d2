var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
    context.Response.Headers.AccessControlAllowHeaders = "*";
    await next(context);
});

app.MapGet("/api/catalog", () => Results.Ok(Array.Empty<string>()));
app.Run();
