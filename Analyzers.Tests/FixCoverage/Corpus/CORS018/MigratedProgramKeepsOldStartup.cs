// Moved to a top-level program; the old Startup stayed in the project, and nothing runs it any more.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(o => o.AddPolicy("AllowOrigin", policy =>
{
    policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader();
}));
var app = builder.Build();

app.UseHttpsRedirection();
app.UseCors("AllowOrigin");
app.UseRouting();
app.UseAuthorization();
app.UseHandWrittenCors();
app.MapControllers();
app.Run();
// ---- file: Startup.cs
public class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddCors(options =>
        {
            options.AddPolicy("AllowOrigin", policy =>
            {
                policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod();
            });
        });
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseCors("AllowOrigin");
        app.UseRouting();
        app.UseAuthorization();
        app.UseHandWrittenCors();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
// ---- file: HandWrittenCorsMiddleware.cs
public class HandWrittenCorsMiddleware
{
    private readonly RequestDelegate _next;

    public HandWrittenCorsMiddleware(RequestDelegate next) => _next = next;

    public Task Invoke(HttpContext context)
    {
        context.Response.Headers.Add("Access-Control-Allow-Origin", "*");
        context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
        context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type, X-Requested-With, Accept");
        context.Response.Headers.Add("Access-Control-Allow-Methods", "POST,GET,PUT,DELETE,OPTIONS");
        return _next(context);
    }
}

public static class HandWrittenCorsMiddlewareExtensions
{
    public static IApplicationBuilder UseHandWrittenCors(this IApplicationBuilder app) => app.UseMiddleware<HandWrittenCorsMiddleware>();
}
