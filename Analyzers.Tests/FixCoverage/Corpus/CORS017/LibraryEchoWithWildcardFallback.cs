// A shared library's middleware: it echoes the caller, or "*" when the request has no Origin, and sends cookies.
using Microsoft.AspNetCore.Http;

namespace Contoso.Shared.Web;

public sealed class EchoOriginMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        var o = ctx.Request.Headers["Origin"].ToString();
        ctx.Response.Headers.Append("Access-Control-Allow-Origin", string.IsNullOrEmpty(o) ? "*" : o);
        ctx.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
        return next(ctx);
    }
}
