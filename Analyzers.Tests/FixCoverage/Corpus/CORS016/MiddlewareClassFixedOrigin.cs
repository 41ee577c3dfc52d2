// ---- file: Program.cs
using Inventory.Api.Middleware;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();

var app = builder.Build();
app.UseHttpsRedirection();
app.UseMiddleware<CorsHeadersMiddleware>();
app.UseAuthorization();
app.MapControllers();
app.Run();
// ---- file: CorsHeadersMiddleware.cs
namespace Inventory.Api.Middleware;

public sealed class CorsHeadersMiddleware
{
    private readonly RequestDelegate _next;

    public CorsHeadersMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.Append("Access-Control-Allow-Origin", "https://inventory.contoso.com");
        context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        context.Response.Headers.Append("Access-Control-Allow-Headers", "Content-Type, Authorization");
        await _next(context);
    }
}
