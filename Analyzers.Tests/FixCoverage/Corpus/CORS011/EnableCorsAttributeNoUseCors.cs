// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(o => o.AddPolicy("Partners", p => p.WithOrigins("https://partners.wingtip.com").AllowAnyHeader()));
var app = builder.Build();
app.UseRouting();
app.UseAuthorization();
app.MapControllers();
app.Run();
// ---- file: PartnerFeedController.cs
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Partners.Api;

[ApiController]
[Route("api/feed")]
[EnableCors("Partners")]
public class PartnerFeedController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok();
}
