using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS013UnknownPolicyNameTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Unknown(string message, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(location).WithArguments(message);

    private static string App(string policies, string pipeline) => $$"""
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddCors(o =>
        {
            {{policies}}
        });
        var app = builder.Build();
        app.UseRouting();
        {{pipeline}}
        app.MapControllers();
        app.Run();

        static class Policies
        {
            public const string Spa = "spa";
        }
        """;

    [Fact]
    public async Task UseCorsWithMisspelledName_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("o.AddPolicy(Policies.Spa, p => p.WithOrigins(\"https://app.contoso.com\"));", "app.{|#0:UseCors(\"Spa\")|};"),
            Unknown("No CORS policy named 'Spa' is added (added: 'spa')"));
    }

    [Fact]
    public async Task RequireCorsWithUnknownName_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));", "app.UseCors(); app.MapGet(\"/\", () => \"ok\").{|#0:RequireCors(\"partners\")|};"),
            Unknown("No CORS policy named 'partners' is added (added: 'spa')"));
    }

    [Fact]
    public async Task EnableCorsWithUnknownName_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));", "app.UseCors();") + """

            public class OrdersController : ControllerBase
            {
                [{|#0:EnableCors("spa2")|}]
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """,
            Unknown("No CORS policy named 'spa2' is added (added: 'spa')"));
    }

    [Fact]
    public async Task UseCorsWithoutDefaultPolicyOrEndpointMetadata_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));", "app.{|#0:UseCors()|};"),
            Unknown("UseCors() applies the default policy, but no default policy is added and no endpoint names a policy"));
    }

    [Fact]
    public async Task UnnamedEnableCorsWithoutDefaultPolicy_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));", "app.UseCors(); app.MapGet(\"/\", () => \"\").RequireCors(\"spa\");") + """

            [{|#0:EnableCors|}]
            public class OrdersController : ControllerBase
            {
            }
            """,
            Unknown("[EnableCors] without a name applies the default policy, but no default policy is added and UseCors names none"));
    }

    [Theory]
    [InlineData("o.AddPolicy(Policies.Spa, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"spa\");")]
    [InlineData("o.AddPolicy(\"A\", p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(); app.MapGet(\"/\", () => \"\").RequireCors(\"A\");")]
    [InlineData("o.AddDefaultPolicy(p => p.WithOrigins(\"https://a.com\"));", "app.UseCors();")]
    [InlineData("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\")); o.DefaultPolicyName = \"spa\";", "app.UseCors();")]
    [InlineData("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(); app.MapGet(\"/\", () => \"\").WithMetadata(new EnableCorsAttribute(\"spa\"));")]
    [InlineData("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(); app.MapGet(\"/\", [EnableCors(\"spa\")] () => \"\");")]
    [InlineData("o.AddPolicy(\"A\", p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(); app.MapGet(\"/\", () => \"\").RequireCors(p => p.WithOrigins(\"https://b.com\"));")]
    [InlineData("o.AddPolicy(args[0], p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"anything\");")]
    [InlineData("o.AddPolicy(\"A\", p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(args[0]);")]
    public async Task KnownOrUnprovable_NoDiagnostic(string policies, string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(policies, pipeline));
    }

    [Theory]
    [InlineData("[EnableCors(\"spa\")] public sealed class OrdersController : ControllerBase { }", true)]
    [InlineData("public sealed class OrdersController : ControllerBase { }", false)]
    public async Task UseCorsWithControllersInReferencedProject_ReportsOnlyWhenThatProjectCannotNamePolicies(string controllers, bool referencesCors)
    {
        // Controllers in a class library of the solution are application parts of the app: their [EnableCors] names a
        // policy this compilation cannot see, as long as that library references the CORS assembly.
        var test = new VerifyCS.Test(App("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));", "app.{|#0:UseCors()|};"));
        test.WithReferencedProject(
            "Orders",
            referencesCors ? "using Microsoft.AspNetCore.Cors;\nusing Microsoft.AspNetCore.Mvc;\n" + controllers : "public static class OrdersModule { }",
            referencesCors ? CorsTestSetup.AspNetCore : CorsTestSetup.PlainNet);
        if (!referencesCors)
        {
            test.ExpectedDiagnostics.Add(Unknown("UseCors() applies the default policy, but no default policy is added and no endpoint names a policy"));
        }

        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
