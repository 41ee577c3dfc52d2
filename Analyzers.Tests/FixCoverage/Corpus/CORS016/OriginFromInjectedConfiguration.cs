// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.UseMiddleware<Billing.Web.ConfiguredCorsMiddleware>();
app.MapControllers();
app.Run();
// ---- file: ConfiguredCorsMiddleware.cs
namespace Billing.Web;

public class ConfiguredCorsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _allowedOrigin;

    public ConfiguredCorsMiddleware(RequestDelegate next, IConfiguration configuration)
    {
        _next = next;
        _allowedOrigin = configuration["Cors:AllowedOrigin"] ?? "https://billing.contoso.com";
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers["Access-Control-Allow-Origin"] = _allowedOrigin;
        context.Response.Headers["Access-Control-Allow-Methods"] = "GET,POST";
        return _next(context);
    }
}
