var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddTransient<ResponseHeadersMiddleware>();
var app = builder.Build();
app.UseHttpsRedirection();
app.UseMiddleware<ResponseHeadersMiddleware>();
app.UseAuthorization();
app.MapControllers();
app.Run();

public class ResponseHeadersMiddleware : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.Add("Access-Control-Allow-Origin", "http://localhost:3000");
        context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type, Authorization");
        await next(context);
    }
}
