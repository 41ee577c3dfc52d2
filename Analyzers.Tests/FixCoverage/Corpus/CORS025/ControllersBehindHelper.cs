using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy.WithOrigins("https://app.contoso.com").AllowCredentials()));

var app = builder.Build();
app.UseFrontEndCors();
app.MapControllers();
app.Run();

static class FrontEndPipeline
{
    public static IApplicationBuilder UseFrontEndCors(this IApplicationBuilder app) => app.UseCors("spa");
}

[ApiController]
[Authorize]
public class ProfileController : ControllerBase
{
    [HttpGet("/profile")]
    public IActionResult Get() => Ok();
}
