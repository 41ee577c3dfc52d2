// ---- file: Program.cs
using Chat.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
var app = builder.Build();
app.UseMiddleware<ReflectOriginMiddleware>();
app.MapGet("/negotiate", () => Results.Ok());
app.Run();
// ---- file: ReflectOriginMiddleware.cs
namespace Chat.Server;

public sealed class ReflectOriginMiddleware
{
    private readonly RequestDelegate _next;

    public ReflectOriginMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.StartsWith("http"))
        {
            context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
            context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
        }

        return _next(context);
    }
}
