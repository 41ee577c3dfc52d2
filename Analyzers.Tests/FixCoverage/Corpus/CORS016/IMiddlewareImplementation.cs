// ---- file: Program.cs
using Reporting.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTransient<AllowReportingClientMiddleware>();
var app = builder.Build();
app.UseMiddleware<AllowReportingClientMiddleware>();
app.MapGet("/reports", () => Results.Ok());
app.Run();
// ---- file: AllowReportingClientMiddleware.cs
namespace Reporting.Service;

internal sealed class AllowReportingClientMiddleware : IMiddleware
{
    private const string ClientOrigin = "https://reports.proseware.com";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.TryAdd("Access-Control-Allow-Origin", ClientOrigin);
        context.Response.Headers.TryAdd("Access-Control-Allow-Methods", "GET");
        await next(context);
    }
}
