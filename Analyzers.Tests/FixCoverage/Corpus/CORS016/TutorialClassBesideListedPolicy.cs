var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options => options.AddPolicy("frontend", policy =>
{
    policy.WithOrigins("http://localhost:4200").AllowAnyHeader().WithMethods("GET", "POST");
}));
var app = builder.Build();

app.UseCors("frontend");
app.UseAuthorization();
app.UseHeaderPolicy();
app.MapControllers();
app.Run();

public class HeaderPolicyMiddleware
{
    private readonly RequestDelegate _next;

    public HeaderPolicyMiddleware(RequestDelegate next) => _next = next;

    public Task Invoke(HttpContext httpContext)
    {
        httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
        httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
        httpContext.Response.Headers.Add("Access-Control-Allow-Methods", "POST,GET,PUT,PATCH,DELETE,OPTIONS");
        httpContext.Response.Headers.Add("Access-Control-Expose-Headers", "Content-Disposition");
        return _next(httpContext);
    }
}

public static class HeaderPolicyMiddlewareExtensions
{
    public static IApplicationBuilder UseHeaderPolicy(this IApplicationBuilder builder) => builder.UseMiddleware<HeaderPolicyMiddleware>();
}
