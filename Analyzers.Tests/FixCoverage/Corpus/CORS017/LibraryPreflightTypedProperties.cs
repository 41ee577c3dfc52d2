// A shared library's middleware: it answers preflights itself and echoes whoever asks. The apps register it.
using Microsoft.AspNetCore.Http;

namespace Contoso.Shared.Web;

public sealed class PreflightAnswerMiddleware
{
    private readonly RequestDelegate _next;

    public PreflightAnswerMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsOptions(request.Method) || request.Headers.Origin.Count == 0)
        {
            await _next(context);
            return;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = request.Headers.Origin.ToString();
        headers.AccessControlAllowMethods = "GET, POST, PATCH";
        headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.Count == 0
            ? "Content-Type"
            : request.Headers.AccessControlRequestHeaders.ToString();
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
