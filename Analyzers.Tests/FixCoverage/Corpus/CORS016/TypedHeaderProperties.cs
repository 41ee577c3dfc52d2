var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    context.Response.Headers.AccessControlAllowOrigin = "https://dashboard.adatum.com";
    context.Response.Headers.AccessControlAllowMethods = "GET, PATCH";
    context.Response.Headers.AccessControlMaxAge = "600";
    await next(context);
});

app.MapGet("/status", () => Results.Ok(new { healthy = true }));
app.Run();
