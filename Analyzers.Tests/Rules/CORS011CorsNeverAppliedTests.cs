using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS011CorsNeverAppliedTests
{
    [Fact]
    public async Task PolicyAddedNoUseCors_ReportsDiagnosticWithSlot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|});
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {|#1:app.UseAuthorization();|}
            app.MapGet("/", () => "ok");
            app.Run();
            """, VerifyCS.Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'spa' is added"));
    }

    [Theory]
    [InlineData("builder.Configuration[\"Cors:Policy\"] ?? \"spa\"", "a named policy is added, its name known only at run time", false)]
    [InlineData("args[0]", "a named policy is added, its name known only at run time", false)]
    [InlineData("PolicyName", "policy 'spa' is added", true)]
    public async Task PolicyNameNotConstantNoUseCors_SaysWhatIsKnown(string name, string what, bool slot)
    {
        // A name known only at run time leaves no UseCors call that is sure to apply it: no slot, so no fix.
        var expected = VerifyCS.Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithArguments(what);
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var PolicyName = "spa";
            builder.Services.AddCors(o => o.{|#0:AddPolicy({{name}}, p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            {|#1:app.MapGet("/", () => "ok");|}
            app.Run();
            """, slot ? expected.WithLocation(1) : expected);
    }

    [Fact]
    public async Task EnableCorsOnControllerNoUseCors_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            {|#1:app.UseRouting();|}
            app.MapControllers();
            app.Run();

            [ApiController]
            [{|#0:EnableCors("spa")|}]
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("[EnableCors] is used"),
            VerifyCS.Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'spa' is added (no named policy is added)"));
    }

    [Theory]
    [InlineData("app.UseCors();")]
    [InlineData("app.UseCors(\"spa\");")]
    [InlineData("app.UseAppCors();")]
    public async Task UseCorsPresent_NoDiagnostic(string useCors)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{useCors}}
            app.MapGet("/", () => "ok").RequireCors("spa");
            app.Run();

            static class PipelineSetup
            {
                public static IApplicationBuilder UseAppCors(this IApplicationBuilder app) => app.UseCors();
            }
            """);
    }

    [Fact]
    public async Task ClassLibraryAddingPolicies_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class CorsSetup
            {
                public static IServiceCollection AddAppCors(this IServiceCollection services) =>
                    services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            }
            """);
    }

    [Theory]
    [InlineData("Pipeline.UseDefaults(app);", false)]
    [InlineData("app.UsePlatform();", false)]
    [InlineData("Pipeline.Log(\"starting\");", true)]
    public async Task AppHandedToAnotherProject_ReportsOnlyWhenItCannotCallUseCors(string call, bool reported)
    {
        var test = new VerifyCS.Test($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            {{call}}
            {|#1:app.MapGet("/", () => "ok");|}
            app.Run();
            """);
        test.WithReferencedProject("Pipeline", """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static void UseDefaults(IApplicationBuilder app) => app.UseCors("spa");
                public static IApplicationBuilder UsePlatform(this IApplicationBuilder app) => app.UseCors("spa");
                public static void Log(string message) { }
            }
            """);
        if (reported)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'spa' is added"));
        }

        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
