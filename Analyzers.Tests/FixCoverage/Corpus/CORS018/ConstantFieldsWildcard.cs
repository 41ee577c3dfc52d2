// ---- file: Program.cs
using Events.Api;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseMiddleware<PermissiveHeadersMiddleware>();
app.MapGet("/events", () => Results.Ok());
app.Run();
// ---- file: PermissiveHeadersMiddleware.cs
namespace Events.Api;

public sealed class PermissiveHeadersMiddleware
{
    private const string AllowOriginHeader = "Access-Control-Allow-Origin";
    private const string AllowCredentialsHeader = "Access-Control-Allow-Credentials";
    private const string AnyOrigin = "*";

    private readonly RequestDelegate _next;

    public PermissiveHeadersMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[AllowOriginHeader] = AnyOrigin;
        context.Response.Headers[AllowCredentialsHeader] = "true";
        await _next(context);
    }
}
