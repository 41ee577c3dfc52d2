using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PipelineRules,
    CorsAnalyzers.CodeFixes.SecondCorsMiddlewareCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS023SecondCorsMiddlewareTests
{
    private const string PolicyNeverApplies = "the first answers every preflight request itself, so this policy never applies to preflights and an origin only it allows is blocked";
    private const string Repeats = "both apply the same policy, so this one only repeats what the first already did";

    private const string Policies = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"));
            o.AddPolicy("partners", p => p.WithOrigins("https://partner.example"));
        });
        var app = builder.Build();
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Second(string first, string consequence, int location = 0, int anchor = 1) =>
        VerifyCS.Diagnostic(DiagnosticIds.SecondCorsMiddleware).WithLocation(location).WithLocation(anchor).WithArguments(first, consequence);

    [Theory]
    [InlineData("{|#1:app.UseCors();|}\napp.UseHttpsRedirection();\n{|#0:app.UseCors(\"partners\");|}", "UseCors()")]
    [InlineData("{|#1:app.UseCors(\"partners\");|}\n{|#0:app.UseCors(p => p.WithOrigins(\"https://admin.contoso.com\"));|}", "UseCors(\"partners\")")]
    [InlineData("{|#1:app.UseCors(p => p.AllowAnyHeader());|}\n{|#0:app.UseCors();|}", "an earlier UseCors")]
    public async Task TwoPoliciesInOnePipeline_ReportsDiagnostic(string pipeline, string first)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policies + "\n" + pipeline + "\napp.MapGet(\"/\", () => \"ok\");\napp.Run();", Second(first, PolicyNeverApplies));
    }

    [Theory]
    // A branch runs the middleware added before it.
    [InlineData("{|#1:app.UseCors();|}\napp.Map(\"/partners\", partners => {|#0:partners.UseCors(\"partners\")|});")]
    [InlineData("{|#1:app.UseCors();|}\napp.MapWhen(c => c.Request.Path.StartsWithSegments(\"/partners\"), partners =>\n{\n    {|#0:partners.UseCors(\"partners\");|}\n    partners.Run(c => c.Response.WriteAsync(\"ok\"));\n});")]
    [InlineData("{|#1:app.UseCors();|}\napp.UseWhen(c => c.Request.Path.StartsWithSegments(\"/partners\"), partners => {|#0:partners.UseCors(\"partners\")|});")]
    public async Task UseCorsInBranchAfterMainUseCors_ReportsDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policies + "\n" + pipeline + "\napp.Run();", Second("UseCors()", PolicyNeverApplies));
    }

    [Fact]
    public async Task SecondInExtensionMethodCalledFromConfigure_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    {|#1:app.UseCors("spa");|}
                    app.UsePartnerApi();
                    app.UseEndpoints(e => e.MapGet("/", () => "ok"));
                }
            }

            static class PartnerApi
            {
                public static IApplicationBuilder UsePartnerApi(this IApplicationBuilder app)
                {
                    {|#0:app.UseCors("partners");|}
                    return app;
                }
            }
            """, Second("UseCors(\"spa\")", PolicyNeverApplies));
    }

    [Fact]
    public async Task FirstBeforeBothBranches_ReportsEachBranch()
    {
        await VerifyCS.VerifyAnalyzerAsync(Policies + """

            {|#2:app.UseCors();|}
            if (app.Environment.IsDevelopment())
            {
                {|#0:app.UseCors("partners");|}
            }
            else
            {
                {|#1:app.UseCors(p => p.WithOrigins("https://partner.example"));|}
            }

            app.Run();
            """, Second("UseCors()", PolicyNeverApplies, 0, 2), Second("UseCors()", PolicyNeverApplies, 1, 2));
    }

    [Theory]
    // One per path.
    [InlineData("if (app.Environment.IsDevelopment())\n{\n    app.UseCors(\"partners\");\n}\nelse\n{\n    app.UseCors();\n}")]
    [InlineData("if (app.Environment.IsDevelopment()) app.UseCors(\"partners\"); else app.UseCors();")]
    // The second runs without the first on one path.
    [InlineData("if (app.Environment.IsDevelopment())\n{\n    app.UseCors(\"partners\");\n}\n\napp.UseCors();")]
    // A Map or MapWhen branch never reaches the middleware added after it; a UseWhen branch reaches it second for its own
    // requests only, and the other requests get only the later UseCors.
    [InlineData("app.Map(\"/partners\", partners => partners.UseCors(\"partners\"));\napp.UseCors();")]
    [InlineData("app.MapWhen(c => c.Request.Path.StartsWithSegments(\"/partners\"), partners => partners.UseCors(\"partners\"));\napp.UseCors();")]
    [InlineData("app.UseWhen(c => c.Request.Path.StartsWithSegments(\"/partners\"), partners => partners.UseCors(\"partners\"));\napp.UseCors();")]
    [InlineData("app.Map(\"/a\", a => a.UseCors());\napp.Map(\"/b\", b => b.UseCors(\"partners\"));")]
    [InlineData("app.UseCors();\napp.UseCors2();")]
    public async Task OnePerPathOrBranchPipeline_NoDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policies + "\n" + pipeline + "\napp.Run();" + """

            static class Lookalike
            {
                public static IApplicationBuilder UseCors2(this IApplicationBuilder app) => app;
            }
            """);
    }

    [Fact]
    public async Task SeparateStartupClasses_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void ConfigureServices(IServiceCollection services) => services.AddCors(o =>
                {
                    o.AddPolicy("dev", p => p.WithOrigins("http://localhost:5173"));
                    o.AddPolicy("prod", p => p.WithOrigins("https://app.contoso.com"));
                });

                public void Configure(IApplicationBuilder app) => app.UseCors("dev");
            }

            public class StartupProduction
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseCors("prod");
                }
            }
            """);
    }

    [Fact]
    public async Task TwoAppsInOneBody_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var publicBuilder = WebApplication.CreateBuilder(args);
            publicBuilder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://www.contoso.com")));
            var publicApi = publicBuilder.Build();
            publicApi.UseCors();

            var adminBuilder = WebApplication.CreateBuilder(args);
            adminBuilder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://admin.contoso.com")));
            var adminApi = adminBuilder.Build();
            adminApi.UseCors();

            await Task.WhenAll(publicApi.RunAsync("http://localhost:5000"), adminApi.RunAsync("http://localhost:5001"));
            """);
    }

    [Fact]
    public async Task UserTypeWithUseCors_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(Policies + """

            app.UseCors();
            var pipeline = new Pipeline();
            pipeline.UseCors();
            pipeline.UseCors();
            app.Run();

            sealed class Pipeline
            {
                public void UseCors() { }
            }
            """);
    }

    [Fact]
    public async Task SamePolicyTwice_Fix_RemovesTheRepeats()
    {
        await VerifyCS.VerifyCodeFixAsync(Policies + """

            {|#1:app.UseCors("partners");|}
            app.UseHttpsRedirection();
            // partners again
            {|#0:app.UseCors("partners");|}
            app.UseStaticFiles();
            {|#2:app.UseCors(PartnerPolicy);|}
            app.Run();

            partial class Program
            {
                private const string PartnerPolicy = "partners";
            }
            """, Policies + """

            app.UseCors("partners");
            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.Run();

            partial class Program
            {
                private const string PartnerPolicy = "partners";
            }
            """, SecondCorsMiddlewareCodeFixProvider.RemoveSecondUseCorsKey, expected: new[]
            {
                Second("UseCors(\"partners\")", Repeats),
                Second("UseCors(\"partners\")", Repeats, 2),
            });
    }

    [Fact]
    public async Task SamePolicyTwiceDiscarded_Fix_RemovesTheRepeat()
    {
        await VerifyCS.VerifyCodeFixAsync(Policies + """

            {|#1:_ = app.UseCors("partners");|}
            _ = app.UseHttpsRedirection();
            {|#0:_ = app.UseCors("partners");|}
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """, Policies + """

            _ = app.UseCors("partners");
            _ = app.UseHttpsRedirection();
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """, SecondCorsMiddlewareCodeFixProvider.RemoveSecondUseCorsKey, expected: Second("UseCors(\"partners\")", Repeats));
    }

    [Fact]
    public async Task SamePolicyInSharedHelper_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync(Policies + """

            {|#1:app.UseCors();|}
            app.UseApiDefaults();
            app.Run();

            static class ApiDefaults
            {
                public static void UseApiDefaults(this IApplicationBuilder app)
                {
                    {|#0:app.UseCors();|}
                }
            }
            """, SecondCorsMiddlewareCodeFixProvider.RemoveSecondUseCorsKey, Second("UseCors()", Repeats));
    }

    [Fact]
    public async Task DifferentPolicies_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync(Policies + """

            {|#1:app.UseCors();|}
            {|#0:app.UseCors("partners");|}
            app.Run();
            """, SecondCorsMiddlewareCodeFixProvider.RemoveSecondUseCorsKey, Second("UseCors()", PolicyNeverApplies));
    }
}
