// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication();
builder.Services.AddAuthorization();
var app = builder.Build();
app.UseMiddleware<Accounts.Web.EchoOriginMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/me", () => Results.Ok()).RequireAuthorization();
app.Run();
// ---- file: EchoOriginMiddleware.cs
namespace Accounts.Web;

public class EchoOriginMiddleware
{
    private readonly RequestDelegate _next;

    public EchoOriginMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers["Origin"].ToString();
        context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
        context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
        context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        context.Response.Headers.Append("Access-Control-Allow-Headers", "Content-Type, Authorization");

        if (context.Request.Method == HttpMethods.Options)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await _next(context);
    }
}
