using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddApiCors();
var app = builder.Build();
app.UseRouting();
app.UseCors();
app.MapControllers();
app.Run();

public static class CorsPolicyNames
{
    public const string Web = "WebApp";
}

public static class CorsRegistration
{
    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy("AllowWebApp", policy => policy
            .WithOrigins("https://web.adventure-works.example")
            .AllowAnyHeader()));
        return services;
    }
}

[ApiController]
[Route("api/[controller]")]
[EnableCors(CorsPolicyNames.Web)]
public class BookingsController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();
}
