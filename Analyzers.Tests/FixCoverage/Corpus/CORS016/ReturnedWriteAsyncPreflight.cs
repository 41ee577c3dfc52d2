var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseMiddleware<OptionsMiddleware>();
app.MapPut("/api/orders/{id}", (int id) => Results.NoContent());
app.Run();

public class OptionsMiddleware
{
    private readonly RequestDelegate _next;

    public OptionsMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task Invoke(HttpContext context)
    {
        context.Response.Headers.Add("Access-Control-Allow-Origin", "https://orders.wideworld.example");
        context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type");
        context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, PUT, OPTIONS");

        if ("OPTIONS".Equals(context.Request.Method, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 200;
            return context.Response.WriteAsync("OK");
        }

        return _next.Invoke(context);
    }
}
