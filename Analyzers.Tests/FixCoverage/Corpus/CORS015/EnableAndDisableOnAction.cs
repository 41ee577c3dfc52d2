// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options => options.AddPolicy("Public", p => p.WithOrigins("https://www.contoso.com")));
var app = builder.Build();
app.UseRouting();
app.UseCors();
app.MapControllers();
app.Run();
// ---- file: AccountController.cs
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api;

[ApiController]
[Route("api/account")]
[EnableCors("Public")]
public class AccountController : ControllerBase
{
    [HttpPost("password")]
    [EnableCors("Public")]
    [DisableCors]
    public IActionResult ChangePassword() => NoContent();
}
