using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.AllOriginsTrustedWithCredentialsCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS002AllOriginsTrustedWithCredentialsTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Trusted() =>
        VerifyCS.Diagnostic(DiagnosticIds.AllOriginsTrustedWithCredentials).WithLocation(0).WithLocation(1);

    [Theory]
    [InlineData("_ => true")]
    [InlineData("origin => true")]
    [InlineData("origin => { return true; }")]
    [InlineData("static (string origin) => { Console.WriteLine(origin); return true; }")]
    [InlineData("AllowAll")]
    [InlineData("AllowEverything")]
    public async Task AlwaysTruePredicateWithCredentials_ReportsDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .{|#0:SetIsOriginAllowed({{predicate}})|}
                .AllowAnyHeader()
                .{|#1:AllowCredentials()|}));

            static bool AllowAll(string origin) => true;

            partial class Program
            {
                private static bool AllowEverything(string origin)
                {
                    return true;
                }
            }
            """, Trusted());
    }

    [Fact]
    public async Task LocalFunctionPredicateInStartup_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(o => o.AddDefaultPolicy(p =>
                    {
                        p.{|#1:AllowCredentials()|};
                        p.{|#0:SetIsOriginAllowed(IsAllowed)|};
                    }));

                    static bool IsAllowed(string origin) => true;
                }
            }
            """, Trusted());
    }

    [Theory]
    [InlineData("o => o == \"https://app.contoso.com\"")]
    [InlineData("o => Allowed.Contains(o)")]
    [InlineData("o => false")]
    [InlineData("o => { if (o.Length > 100) return false; return true; }")]
    public async Task RealPredicate_NoDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.SetIsOriginAllowed({{predicate}}).AllowCredentials()));

            partial class Program
            {
                private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };
            }
            """);
    }

    [Fact]
    public async Task AlwaysTruePredicateWithoutCredentials_ReportsAnyOriginInstead()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|CORS003:SetIsOriginAllowed(_ => true)|}.AllowAnyMethod());
            """);
    }

    [Fact]
    public async Task PredicateFromDelegateParameter_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services, Func<string, bool> isAllowed) =>
                    services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(isAllowed).AllowCredentials()));
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_NoDiagnosticByDefault()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
            }
            """);
    }

    [Fact]
    public async Task DevelopmentBranchInsidePolicy_NoDiagnosticByDefault()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                if (!builder.Environment.IsDevelopment())
                {
                    p.WithOrigins("https://app.contoso.com");
                }
                else
                {
                    p.SetIsOriginAllowed(_ => true);
                }

                p.AllowCredentials();
            }));
            """);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DebugRegion_ReportedOnlyWithReportInDevelopment(bool reportInDevelopment)
    {
        var test = new CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
            #if DEBUG
                p.{|#0:SetIsOriginAllowed(_ => true)|};
            #else
                p.WithOrigins("https://app.contoso.com");
            #endif
                p.{|#1:AllowCredentials()|};
            }));
            """)
        {
            PreprocessorSymbols = ["DEBUG"],
        };
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", $"[*.cs]\ncors_analyzers.report_in_development = {(reportInDevelopment ? "true" : "false")}\n"));
        if (reportInDevelopment)
        {
            test.ExpectedDiagnostics.Add(Trusted());
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task DevelopmentOnly_ReportInDevelopmentOption_ReportsDiagnostic()
    {
        var test = new CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:SetIsOriginAllowed(_ => true)|}.{|#1:AllowCredentials()|}));
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[*.cs]\ncors_analyzers.report_in_development = true\n"));
        test.ExpectedDiagnostics.Add(Trusted());
        await test.RunAsync();
    }

    [Fact]
    public async Task UseConfiguredOrigins_Fix_ReplacesPredicate()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .{|#0:SetIsOriginAllowed(_ => true)|}
                .AllowAnyHeader()
                .{|#1:AllowCredentials()|}));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
                .AllowAnyHeader()
                .AllowCredentials()));
            """, AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: Trusted());
    }

    [Fact]
    public async Task UseConfiguredOrigins_NoConfigurationInScope_Fix_ReadsItThroughOptions()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services) =>
                    services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:SetIsOriginAllowed(_ => true)|}.{|#1:AllowCredentials()|}));

                public static IServiceCollection AddPartnerCors(this IServiceCollection services)
                {
                    return services.AddCors(static options =>
                    {
                        // partners sign in from their own portals
                        options.AddPolicy("partners", static p => p.{|#2:SetIsOriginAllowed(origin => true)|}.{|#3:AllowCredentials()|});
                    });
                }
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services) =>
                    services.AddCors().AddOptions<CorsOptions>().Configure<IConfiguration>((o, configuration) => o.AddDefaultPolicy(p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));

                public static IServiceCollection AddPartnerCors(this IServiceCollection services)
                {
                    return services.AddCors().AddOptions<CorsOptions>().Configure<IConfiguration>(static (options, configuration) =>
                    {
                        // partners sign in from their own portals
                        options.AddPolicy("partners", p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
                    }).Services;
                }
            }
            """,
            AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey,
            true,
            Trusted(),
            VerifyCS.Diagnostic(DiagnosticIds.AllOriginsTrustedWithCredentials).WithLocation(2).WithLocation(3));
    }

    [Fact]
    public async Task UseConfiguredOrigins_TopLevelLocalsFromAType_Fix_DoesNotUseThem()
    {
        // Top-level locals are in scope in the file's types but not usable there (CS8801).
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            CorsSetup.Configure(builder.Services);
            var app = builder.Build();
            app.UseCors();

            static class CorsSetup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:SetIsOriginAllowed(_ => true)|}.{|#1:AllowCredentials()|}));
                }
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            CorsSetup.Configure(builder.Services);
            var app = builder.Build();
            app.UseCors();

            static class CorsSetup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddCors().AddOptions<CorsOptions>().Configure<IConfiguration>((o, configuration) => o.AddDefaultPolicy(p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
                }
            }
            """, AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: Trusted());
    }

    [Fact]
    public async Task UseConfiguredOrigins_LambdaParameterShadowsBuilder_Fix_ReadsIntoLocal()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll", builder => builder.{|#0:SetIsOriginAllowed(_ => true)|}.AllowAnyHeader().{|#1:AllowCredentials()|});
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var allowedOrigins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll", builder => builder.WithOrigins(allowedOrigins).AllowAnyHeader().AllowCredentials());
            });
            """, AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: Trusted());
    }

    [Fact]
    public async Task UseConfiguredOrigins_StaticLambdas_Fix_DropsStatic()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(static options => options.AddDefaultPolicy(static policy => policy.{|#0:SetIsOriginAllowed(origin => true)|}.{|#1:AllowCredentials()|}));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
            """, AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: Trusted());
    }

    [Fact]
    public async Task UseConfiguredOrigins_FixAll_FixesEachPolicy()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.{|#0:SetIsOriginAllowed(_ => true)|}.{|#1:AllowCredentials()|});
                o.AddPolicy("b", p => p.{|#2:SetIsOriginAllowed(origin => true)|}.{|#3:AllowCredentials()|});
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
                o.AddPolicy("b", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
            });
            """,
            AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey,
            true,
            Trusted(),
            VerifyCS.Diagnostic(DiagnosticIds.AllOriginsTrustedWithCredentials).WithLocation(2).WithLocation(3));
    }
}
