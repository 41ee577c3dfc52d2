using Microsoft.Net.Http.Headers;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "https://maps.tailspintoys.com";
    context.Response.Headers[HeaderNames.AccessControlAllowHeaders] = "Content-Type, Authorization";
    await next(context);
});

app.MapGet("/tiles/{z}/{x}/{y}", (int z, int x, int y) => Results.Ok(new { z, x, y }));
app.Run();
