using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.WildcardSubdomainIgnoredCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS008WildcardSubdomainIgnoredTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ignored(string origin = "https://*.contoso.com", int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.WildcardSubdomainIgnored).WithLocation(location).WithArguments(origin);

    [Fact]
    public async Task WildcardWithoutFlag_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://contoso.com", {|#0:"https://*.contoso.com"|})));
            """, Ignored());
    }

    [Fact]
    public async Task FlagOnOtherBranchOnly_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                p.WithOrigins({|#0:"https://*.contoso.com"|});
                if (args.Length > 0)
                {
                    p.SetIsOriginAllowedToAllowWildcardSubdomains();
                }
            }));
            """, Ignored());
    }

    [Theory]
    [InlineData("p.WithOrigins(\"https://*.contoso.com\").SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("p.SetIsOriginAllowedToAllowWildcardSubdomains().WithOrigins(\"https://*.contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://*.contoso.com\").WithSubdomains()")]
    public async Task FlagPresentOrNoWildcard_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));

            static class Extensions
            {
                public static CorsPolicyBuilder WithSubdomains(this CorsPolicyBuilder builder) => builder.SetIsOriginAllowedToAllowWildcardSubdomains();
            }
            """);
    }

    [Fact]
    public async Task AddFlag_Fix_AppendsCall()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://*.contoso.com"|}).AllowAnyHeader());
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains().AllowAnyHeader());
            """, WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey, expected: Ignored());
    }

    [Theory]
    [InlineData("https://*.vercel.app")]
    [InlineData("https://*.azurewebsites.net")]
    public async Task SharedHostingWildcard_NoFix(string shared)
    {
        // The flag would let every site published on the shared host in (CORS004): no action.
        await VerifyCS.VerifyNoCodeFixAsync($$"""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://*.contoso.com"|}, {|#1:"{{shared}}"|}).AllowAnyHeader());
            """, WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey, Ignored(), Ignored(shared, 1));
    }

    [Fact]
    public async Task AddFlag_MultiLineChain_Fix_AddsLine()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins({|#0:"https://*.contoso.com"|})
                .AllowAnyHeader()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins("https://*.contoso.com")
                .SetIsOriginAllowedToAllowWildcardSubdomains()
                .AllowAnyHeader()));
            """, WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey, expected: Ignored());
    }

    [Fact]
    public async Task AddFlag_OriginInConstant_Fix_AppendsAtUse()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#1:WithOrigins(Tenants)|});

            partial class Program
            {
                private const string Tenants = {|#0:"https://*.contoso.com"|};
            }
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins(Tenants).SetIsOriginAllowedToAllowWildcardSubdomains());

            partial class Program
            {
                private const string Tenants = "https://*.contoso.com";
            }
            """, WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey, Ignored().WithLocation(1));
    }

    [Fact]
    public async Task AddFlag_FixAll_FixesEachPolicy()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins({|#0:"https://*.contoso.com"|}));
                o.AddPolicy("b", p => p.WithOrigins({|#1:"https://*.fabrikam.com"|}));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains());
                o.AddPolicy("b", p => p.WithOrigins("https://*.fabrikam.com").SetIsOriginAllowedToAllowWildcardSubdomains());
            });
            """, WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey, true, Ignored(), Ignored("https://*.fabrikam.com", 1));
    }
}
