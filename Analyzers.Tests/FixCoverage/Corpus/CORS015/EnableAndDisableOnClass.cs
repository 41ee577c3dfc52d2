// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options => options.AddPolicy("Reports", p => p.WithOrigins("https://reports.fabrikam.com")));
var app = builder.Build();
app.UseRouting();
app.UseCors();
app.MapControllers();
app.Run();
// ---- file: AdminReportsController.cs
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Reports.Api;

[DisableCors, EnableCors("Reports")]
[ApiController]
[Route("admin/reports")]
public class AdminReportsController : ControllerBase
{
    [HttpGet]
    public IActionResult Index() => Ok();
}
