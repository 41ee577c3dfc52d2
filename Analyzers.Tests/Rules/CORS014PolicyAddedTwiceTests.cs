using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;
using VerifyFix = CorsAnalyzers.Tests.CSharpCodeFixVerifier<CorsAnalyzers.Tests.PipelineRules, CorsAnalyzers.CodeFixes.PolicyAddedTwiceCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS014PolicyAddedTwiceTests
{
    [Fact]
    public async Task SameNameTwice_ReportsOnSecond()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services) => services.AddCors(o =>
            {
                o.{|#1:AddPolicy(Policies.Spa, p => p.WithOrigins("https://app.contoso.com"))|};
                o.AddPolicy("admin", p => p.WithOrigins("https://admin.contoso.com"));
                o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://spa.contoso.com"))|};
            });
            }

            static class Policies
            {
                public const string Spa = "spa";
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments("Policy 'spa'"));
    }

    [Fact]
    public async Task TwoDefaultPolicies_ReportsOnSecond()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddCors(options =>
                {
                    options.{|#1:AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"))|};
                    options.{|#0:AddDefaultPolicy(p => p.AllowAnyHeader())|};
                });
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments("A default policy"));
    }

    [Theory]
    [InlineData("if (args.Length > 0) { o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\")); } else { o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://b.com\")); }")]
    [InlineData("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\")); o.AddPolicy(\"Spa\", p => p.WithOrigins(\"https://b.com\"));")]
    [InlineData("o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://a.com\")); if (args.Length > 0) o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://b.com\"));")]
    [InlineData("o.AddPolicy(args[0], p => p.WithOrigins(\"https://a.com\")); o.AddPolicy(args[0], p => p.WithOrigins(\"https://b.com\"));")]
    public async Task DistinctOrConditional_NoDiagnostic(string policies)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services, string[] args) => services.AddCors(o => { {{policies}} });
            }
            """);
    }

    [Fact]
    public async Task SameNameTwice_Fix_RemovesEarlierDefinition()
    {
        await VerifyFix.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.{|#1:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|};
                // the admin portal
                o.AddPolicy("admin", p => p.WithOrigins("https://admin.contoso.com"));
                o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://spa.contoso.com"))|};
            });
            var app = builder.Build();
            app.UseCors("spa");
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                // the admin portal
                o.AddPolicy("admin", p => p.WithOrigins("https://admin.contoso.com"));
                o.AddPolicy("spa", p => p.WithOrigins("https://spa.contoso.com"));
            });
            var app = builder.Build();
            app.UseCors("spa");
            """,
            PolicyAddedTwiceCodeFixProvider.RemoveEarlierDefinitionKey,
            true,
            VerifyFix.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments("Policy 'spa'"));
    }

    [Fact]
    public async Task TwoDefaultPoliciesInStartup_FixAll_KeepsTheLaterOne()
    {
        await VerifyFix.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.{|#1:AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"))|};
                        options.{|#0:AddDefaultPolicy(p => p.AllowAnyHeader())|};
                        options.{|#3:AddPolicy("api", p => p.WithOrigins("https://a.contoso.com"))|};
                        options.{|#2:AddPolicy("api", p => p.WithOrigins("https://b.contoso.com"))|};
                    });
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.AllowAnyHeader());
                        options.AddPolicy("api", p => p.WithOrigins("https://b.contoso.com"));
                    });
                }
            }
            """,
            PolicyAddedTwiceCodeFixProvider.RemoveEarlierDefinitionKey,
            true,
            VerifyFix.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments("A default policy"),
            VerifyFix.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(2).WithLocation(3).WithArguments("Policy 'api'"));
    }
}
