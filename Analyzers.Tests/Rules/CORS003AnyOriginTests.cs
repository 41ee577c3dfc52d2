using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS003AnyOriginTests
{
    [Theory]
    [InlineData("{|#0:AllowAnyOrigin()|}", "AllowAnyOrigin()")]
    [InlineData("{|#0:WithOrigins(\"*\")|}", "the origin \"*\"")]
    [InlineData("{|#0:WithOrigins(Origins.Any)|}", "the origin \"*\"")]
    [InlineData("{|#0:SetIsOriginAllowed(_ => true)|}", "an origin predicate that always returns true")]
    public async Task AnyOriginWithoutCredentials_ReportsInfo(string call, string described)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("public", p => p.{{call}}.WithMethods("GET")));

            static class Origins
            {
                public const string Any = "*";
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.AnyOrigin).WithLocation(0).WithArguments(described));
    }

    [Fact]
    public async Task BuilderLocalInStartup_ReportsInfo()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    var policy = new CorsPolicyBuilder();
                    policy.AllowAnyHeader();
                    policy.{|#0:AllowAnyOrigin()|};
                    services.AddCors(o => o.AddPolicy("public", policy.Build()));
                }
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.AnyOrigin).WithLocation(0).WithArguments("AllowAnyOrigin()"));
    }

    [Theory]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\")")]
    [InlineData("p.AllowAnyOrigin().WithOrigins(\"https://app.contoso.com\")")]
    [InlineData("p.WithOrigins(builder.Configuration[\"Cors:Origin\"]!)")]
    public async Task ListedOrigins_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseCors(p => p.AllowAnyOrigin());
            }

            if (builder.Environment.IsEnvironment("Development") && args.Length > 0)
            {
                app.UseCors(p => p.AllowAnyOrigin());
            }
            """);
    }

    [Fact]
    public async Task StartupInjectedEnvironment_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup(IWebHostEnvironment env)
            {
                public void Configure(IApplicationBuilder app)
                {
                    if (env.EnvironmentName == Environments.Development)
                    {
                        app.UseCors(p => p.AllowAnyOrigin());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ProductionBranch_ReportsInfo()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.UseCors(p => p.{|#0:AllowAnyOrigin()|});
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.AnyOrigin).WithLocation(0).WithArguments("AllowAnyOrigin()"));
    }

    [Fact]
    public async Task UserTypeNamedLikeTheBuilder_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace MyApp;

            public sealed class CorsPolicyBuilder
            {
                public CorsPolicyBuilder AllowAnyOrigin() => this;
            }

            public static class Setup
            {
                public static void Configure(System.Action<CorsPolicyBuilder> configure) => configure(new CorsPolicyBuilder());

                public static void Use() => Configure(p => p.AllowAnyOrigin());
            }
            """);
    }
}
