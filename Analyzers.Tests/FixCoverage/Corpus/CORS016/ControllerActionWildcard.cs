// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();
app.Run();
// ---- file: QuotesController.cs
using Microsoft.AspNetCore.Mvc;

namespace Quotes.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
public class QuotesController : ControllerBase
{
    [HttpGet]
    public IActionResult Get()
    {
        HttpContext.Response.Headers.Append("Access-Control-Allow-Origin", "*");
        return Ok(new[] { "The only way to go fast is to go well." });
    }
}
