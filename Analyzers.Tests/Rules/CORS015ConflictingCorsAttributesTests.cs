using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS015ConflictingCorsAttributesTests
{
    [Fact]
    public async Task BothOnMethod_ReportsInfo()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                [{|#0:EnableCors("spa")|}]
                [{|#1:DisableCors|}]
                public IActionResult Get() => Ok();
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.ConflictingCorsAttributes).WithLocation(0).WithLocation(1).WithArguments("Get"));
    }

    [Fact]
    public async Task BothOnClassInOneList_ReportsInfo()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [{|#1:DisableCors|}, {|#0:EnableCors|}]
            public class OrdersController : ControllerBase
            {
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.ConflictingCorsAttributes).WithLocation(0).WithLocation(1).WithArguments("OrdersController"));
    }

    [Fact]
    public async Task EnableOnClassDisableOnAction_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [EnableCors("spa")]
            public class OrdersController : ControllerBase
            {
                [DisableCors]
                public IActionResult Internal() => Ok();

                public IActionResult Get() => Ok();
            }
            """);
    }
}
