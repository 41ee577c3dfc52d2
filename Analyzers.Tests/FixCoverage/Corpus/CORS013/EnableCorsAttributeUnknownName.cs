// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options => options.AddPolicy("mobile-app", p => p.WithOrigins("https://m.tailspin.com")));
var app = builder.Build();
app.UseRouting();
app.UseCors();
app.MapControllers();
app.Run();
// ---- file: DevicesController.cs
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Devices.Api;

[ApiController]
[Route("api/devices")]
public class DevicesController : ControllerBase
{
    [HttpGet]
    [EnableCors("mobile")]
    public IActionResult List() => Ok();
}
