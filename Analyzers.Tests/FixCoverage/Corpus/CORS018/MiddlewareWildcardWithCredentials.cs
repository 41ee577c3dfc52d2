// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.UseMiddleware<Warehouse.Api.OpenCorsMiddleware>();
app.MapControllers();
app.Run();
// ---- file: OpenCorsMiddleware.cs
namespace Warehouse.Api;

public class OpenCorsMiddleware
{
    private readonly RequestDelegate _next;

    public OpenCorsMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.Add("Access-Control-Allow-Origin", "*");
        context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type, Authorization");
        context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");

        if (context.Request.Method == "OPTIONS")
        {
            context.Response.StatusCode = 200;
            return context.Response.WriteAsync("OK");
        }

        return _next(context);
    }
}
