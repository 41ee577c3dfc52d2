using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace CorsSample.Controllers;

[ApiController]
[Route("reports")]
[EnableCors(CorsPolicies.Partners)]
public sealed class ReportsController : ControllerBase
{
    [HttpGet("sales")]
    public IActionResult Sales() => Ok(new { Total = 1234.5m });

    // Exported by the back office only; someone added [DisableCors] without removing the old attribute.
    [HttpGet("export")]
    [EnableCors(CorsPolicies.Storefront)] // expect: CORS015
    [DisableCors]
    public IActionResult Export() => Ok();
}
