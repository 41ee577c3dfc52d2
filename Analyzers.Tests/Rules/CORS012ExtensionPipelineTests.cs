using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS012 inside an extension method on the app: the order of its own calls is provable without a visible caller.</summary>
public sealed class CORS012ExtensionPipelineTests
{
    private const string AuthConsequence = "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult After(string anchor, string consequence) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(anchor, consequence);

    [Fact]
    public async Task WebApplicationExtensionInLibrary_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class PipelineSetup
            {
                public static WebApplication ConfigurePipeline(this WebApplication app)
                {
                    {|#2:app.UseRouting();|}
                    {|#1:app.UseAuthorization();|}
                    {|#0:app.UseCors("spa");|}
                    return app;
                }
            }
            """, After("UseAuthorization", AuthConsequence));
    }

    [Fact]
    public async Task InsideDevelopmentBranchOfExtension_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class PipelineSetup
            {
                public static WebApplication ConfigurePipeline(this WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        {|#1:{|#2:app.UseAuthorization();|}|}
                        {|#0:app.UseCors();|}
                    }

                    return app;
                }
            }
            """, After("UseAuthorization", AuthConsequence));
    }

    [Fact]
    public async Task ApplicationBuilderExtensionAfterUseEndpoints_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class PipelineSetup
            {
                public static IApplicationBuilder UseApi(this IApplicationBuilder app)
                {
                    {|#2:app.UseRouting();|}
                    {|#1:app.UseEndpoints(e => e.MapGet("/", () => "ok"));|}
                    {|#0:app.UseCors();|}
                    return app;
                }
            }
            """, After("UseEndpoints", "CORS never runs for endpoint requests, so responses get no CORS headers and preflights get 405"));
    }

    [Fact]
    public async Task ExtensionCalledFromVisibleApp_ReportsOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.ConfigurePipeline();
            app.Run();

            static class PipelineSetup
            {
                public static WebApplication ConfigurePipeline(this WebApplication app)
                {
                    {|#1:{|#2:app.UseAuthorization();|}|}
                    {|#0:app.UseCors();|}
                    return app;
                }
            }
            """, After("UseAuthorization", AuthConsequence));
    }

    [Theory]
    [InlineData("app.UseCors(); app.UseAuthorization();")]
    [InlineData("app.UseCors();")]
    [InlineData("app.UseAuthentication(); app.UseCors(); app.UseAuthorization();")]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseAuthorization(); } app.UseCors();")]
    [InlineData("app.MapGet(\"/\", () => \"ok\"); app.UseCors();")]
    public async Task CorrectOrNotOnEveryPathInExtension_NoDiagnostic(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            public static class PipelineSetup
            {
                public static WebApplication ConfigurePipeline(this WebApplication app)
                {
                    {{body}}
                    return app;
                }
            }
            """);
    }

    [Fact]
    public async Task ExtensionOnAnotherTypeWithSameNames_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public sealed class Steps
            {
                public void UseAuthorization() { }

                public void UseCors() { }
            }

            public static class StepsSetup
            {
                public static Steps Configure(this Steps steps)
                {
                    steps.UseAuthorization();
                    steps.UseCors();
                    return steps;
                }
            }
            """);
    }
}
