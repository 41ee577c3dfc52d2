using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.AnyOriginWithCredentialsCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS001AnyOriginWithCredentialsTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult AnyOrigin(string described = "AllowAnyOrigin()") =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginWithCredentials).WithLocation(0).WithLocation(1).WithArguments(described);

    [Fact]
    public async Task AddPolicyFluentChain_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.{|#0:AllowAnyOrigin()|}.AllowAnyHeader().{|#1:AllowCredentials()|});
            });
            var app = builder.Build();
            app.UseCors("Open");
            app.Run();
            """, AnyOrigin());
    }

    [Fact]
    public async Task AddDefaultPolicyStatementBodySplitOverLines_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            {
                policy
                    .{|#0:AllowAnyOrigin()|}
                    .AllowAnyMethod();
                policy.{|#1:AllowCredentials()|};
            }));
            """, AnyOrigin());
    }

    [Fact]
    public async Task InlineUseCors_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
            app.Run();
            """, AnyOrigin());
    }

    [Fact]
    public async Task RequireCorsOnEndpoint_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors();
            app.MapGet("/r", () => "ok").RequireCors(p => p.{|#1:AllowCredentials()|}.{|#0:AllowAnyOrigin()|});
            app.Run();
            """, AnyOrigin());
    }

    [Fact]
    public async Task BuilderLocalOverSeveralStatements_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicyBuilder();
            policy.WithMethods("GET");
            policy.{|#0:AllowAnyOrigin()|};
            var alias = policy;
            alias.{|#1:AllowCredentials()|};
            builder.Services.AddCors(o => o.AddPolicy("Built", policy.Build()));
            """, AnyOrigin());
    }

    [Theory]
    [InlineData("WithOrigins(\"*\")")]
    [InlineData("WithOrigins(Any)")]
    [InlineData("WithOrigins(new[] { \"*\" })")]
    [InlineData("WithOrigins($\"{Any}\")")]
    [InlineData("WithOrigins(Microsoft.AspNetCore.Cors.Infrastructure.CorsConstants.AnyOrigin)")]
    public async Task WithOriginsStar_ReportsDiagnostic(string call)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.Extensions.DependencyInjection;

            public static class CorsSetup
            {
                private const string Any = "*";

                public static void AddAppCors(this IServiceCollection services) =>
                    services.AddCors(o => o.AddPolicy("All", p => p.{|#0:{{call}}|}.{|#1:AllowCredentials()|}));
            }
            """, AnyOrigin("the origin \"*\""));
    }

    [Fact]
    public async Task StartupClass_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Spa", builder =>
                        {
                            builder.{|#0:AllowAnyOrigin()|}
                                   .AllowAnyHeader()
                                   .{|#1:AllowCredentials()|};
                        });
                    });
                }

                public void Configure(IApplicationBuilder app) => app.UseCors("Spa");
            }
            """, AnyOrigin());
    }

    [Fact]
    public async Task CredentialsFromProjectHelper_ReportsDiagnosticAtHelperCall()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.{|#0:AllowAnyOrigin()|}.{|#1:WithSession()|}));

            static class PolicyHelpers
            {
                public static CorsPolicyBuilder WithSession(this CorsPolicyBuilder builder) => builder.AllowAnyHeader().AllowSecrets();

                private static CorsPolicyBuilder AllowSecrets(this CorsPolicyBuilder builder)
                {
                    builder.AllowCredentials();
                    return builder;
                }
            }
            """, AnyOrigin());
    }

    [Fact]
    public async Task AnyOriginOnOneBranch_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    p.{|#0:AllowAnyOrigin()|};
                }
                else
                {
                    p.WithOrigins("https://app.contoso.com");
                }

                p.{|#1:AllowCredentials()|};
            }));
            """, AnyOrigin());
    }

    [Fact]
    public async Task MethodGroupPolicy_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", Configure));

            static void Configure(CorsPolicyBuilder policy) => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|};
            """, AnyOrigin());
    }

    [Fact]
    public async Task BuilderConstructorWithStar_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var policy = {|#0:new CorsPolicyBuilder("*")|}.{|#1:AllowCredentials()|}.Build();
            """, AnyOrigin("the origin \"*\""));
    }

    [Theory]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").AllowCredentials()")]
    [InlineData("p.{|CORS003:AllowAnyOrigin()|}.AllowAnyHeader()")]
    [InlineData("p.AllowAnyOrigin().WithOrigins(\"https://app.contoso.com\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\", {|CORS007:\"*\"|}).AllowCredentials()")]
    [InlineData("p.{|CORS003:AllowAnyOrigin()|}.AllowCredentials().DisallowCredentials()")]
    [InlineData("p.WithOrigins(builder.Configuration.GetSection(\"Cors\").Get<string[]>()!).AllowCredentials()")]
    [InlineData("p.SetIsOriginAllowed(o => o == \"https://app.contoso.com\").AllowCredentials()")]
    public async Task SafePolicy_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """);
    }

    [Fact]
    public async Task BranchesWithoutAnyOriginAndCredentialsTogether_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    p.AllowAnyOrigin();
                    return;
                }

                p.WithOrigins("https://app.contoso.com").AllowCredentials();
            }));
            """);
    }

    [Fact]
    public async Task PathThatReturnedBeforeHelper_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                if (args.Length == 0)
                {
                    p.{|CORS003:AllowAnyOrigin()|};
                    return;
                }

                p.WithOrigins("https://app.contoso.com").WithSession();
            }));

            static class Helpers
            {
                public static CorsPolicyBuilder WithSession(this CorsPolicyBuilder b) => b.AllowCredentials();
            }
            """);
    }

    [Fact]
    public async Task TwoPoliciesEachHalf_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("public", p => p.{|CORS003:AllowAnyOrigin()|});
                o.AddPolicy("app", p => p.WithOrigins("https://app.contoso.com").AllowCredentials());
            });
            """);
    }

    [Fact]
    public async Task UserTypeWithSameMethodNames_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var policy = new MyPolicyBuilder().AllowAnyOrigin().AllowCredentials();

            class MyPolicyBuilder
            {
                public MyPolicyBuilder AllowAnyOrigin() => this;
                public MyPolicyBuilder AllowCredentials() => this;
            }
            """);
    }

    [Fact]
    public async Task BuilderCallsNotVisible_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services, Action<CorsPolicyBuilder> configure) =>
                    services.AddCors(o => o.AddPolicy("x", configure));

                public static void AddWrapped(this IServiceCollection services, Action<CorsPolicyBuilder> configure) =>
                    services.AddCors(o => o.AddPolicy("y", p =>
                    {
                        p.AllowAnyOrigin();
                        configure(p);
                        p.AllowCredentials();
                    }));
            }
            """);
    }

    [Fact]
    public async Task UseConfiguredOrigins_TopLevel_Fix_ReplacesAnyOrigin()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.{|#0:AllowAnyOrigin()|}.AllowAnyHeader().{|#1:AllowCredentials()|});
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowCredentials());
            });
            """, AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: AnyOrigin());
    }

    [Fact]
    public async Task UseConfiguredOrigins_StartupConfigurationProperty_Fix_ReplacesWildcardArgument()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup(IConfiguration configuration)
            {
                public IConfiguration Configuration { get; } = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:WithOrigins("*")|}.{|#1:AllowCredentials()|}));
                }
            }
            """, """
            public class Startup(IConfiguration configuration)
            {
                public IConfiguration Configuration { get; } = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
                }
            }
            """, AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: AnyOrigin("the origin \"*\""));
    }

    [Fact]
    public async Task UseConfiguredOrigins_WithoutImport_Fix_AddsUsing()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class CorsSetup
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}));
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class CorsSetup
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
                }
            }
            """, AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, implicitUsings: false, AnyOrigin());
    }

    [Fact]
    public async Task UseConfiguredOrigins_NoConfigurationInScope_Fix_ReadsItThroughOptions()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services) =>
                    services.AddCors(o => o.AddDefaultPolicy(p => p.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}));
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static void AddAppCors(this IServiceCollection services) =>
                    services.AddCors().AddOptions<CorsOptions>().Configure<IConfiguration>((o, configuration) => o.AddDefaultPolicy(p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
            }
            """, AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey, expected: AnyOrigin());
    }

    [Fact]
    public async Task RemoveCredentials_EndOfChain_Fix_RemovesCall()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#0:AllowAnyOrigin()|}.AllowAnyHeader().{|#1:AllowCredentials()|});
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|CORS003:AllowAnyOrigin()|}.AllowAnyHeader());
            """, AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey, expected: AnyOrigin());
    }

    [Fact]
    public async Task RemoveCredentials_MiddleOfMultiLineChain_Fix_KeepsLayout()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
                p.{|#0:AllowAnyOrigin()|}
                 .{|#1:AllowCredentials()|}
                 .AllowAnyMethod()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
                p.{|CORS003:AllowAnyOrigin()|}
                 .AllowAnyMethod()));
            """, AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey, expected: AnyOrigin());
    }

    [Fact]
    public async Task RemoveCredentials_OwnStatement_Fix_RemovesStatement()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                p.{|#0:AllowAnyOrigin()|};
                p.{|#1:AllowCredentials()|};
                p.AllowAnyHeader();
            }));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                p.{|CORS003:AllowAnyOrigin()|};
                p.AllowAnyHeader();
            }));
            """, AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey, expected: AnyOrigin());
    }

    [Fact]
    public async Task UseConfiguredOrigins_SeveralPolicies_FixAll_FixesEach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
                o.AddPolicy("b", p => p.{|#2:WithOrigins("*")|}.{|#3:AllowCredentials()|});
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
                o.AddPolicy("b", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials());
            });
            """,
            AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey,
            true,
            AnyOrigin(),
            VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginWithCredentials).WithLocation(2).WithLocation(3).WithArguments("the origin \"*\""));
    }

    [Fact]
    public async Task RemoveCredentials_SeveralPolicies_FixAll_FixesEach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
            app.MapGet("/", () => "").RequireCors(p => p.{|#2:AllowAnyOrigin()|}.{|#3:AllowCredentials()|}.AllowAnyHeader());
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|CORS003:AllowAnyOrigin()|});
            app.MapGet("/", () => "").RequireCors(p => p.{|CORS003:AllowAnyOrigin()|}.AllowAnyHeader());
            """,
            AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey,
            true,
            AnyOrigin(),
            VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginWithCredentials).WithLocation(2).WithLocation(3).WithArguments("AllowAnyOrigin()"));
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult HandBuilt(int origin = 0, int credentials = 1) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginWithCredentialsHandBuilt).WithLocation(origin).WithLocation(credentials);

    [Fact]
    public async Task HandBuiltPolicy_ObjectInitializer_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy
            {
                {|#1:SupportsCredentials = true|},
                Origins = { {|#0:"*"|} },
            }));
            """, HandBuilt());
    }

    [Fact]
    public async Task HandBuiltPolicy_StatementsAfterDeclarationAndConstant_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static void AddAppCors(IServiceCollection services)
                {
                    var policy = new CorsPolicy();
                    policy.Methods.Add("GET");
                    policy.Origins.Add({|#0:CorsConstants.AnyOrigin|});
                    {|#1:policy.SupportsCredentials = true|};
                    services.AddCors(options => options.AddPolicy("legacy", policy));
                }
            }
            """, HandBuilt());
    }

    [Theory]
    [InlineData("SupportsCredentials = false, Origins = { \"*\" }")]
    [InlineData("SupportsCredentials = allowCredentials, Origins = { \"*\" }")]
    [InlineData("SupportsCredentials = true, Origins = { \"https://app.contoso.com\" }")]
    [InlineData("SupportsCredentials = true")]
    [InlineData("Origins = { \"*\" }")]
    public async Task HandBuiltPolicy_NotBothAnyOriginAndCredentials_NoDiagnostic(string members)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Create(bool allowCredentials) => new CorsPolicy { {{members}} };
            }
            """);
    }

    [Fact]
    public async Task HandBuiltPolicy_CredentialsTurnedOffLaterOrOnAnotherPolicy_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static (CorsPolicy, CorsPolicy) Create()
                {
                    var open = new CorsPolicy { Origins = { "*" } };
                    var trusted = new CorsPolicy { Origins = { "https://app.contoso.com" } };
                    trusted.SupportsCredentials = true;
                    var fixedUp = new CorsPolicy { SupportsCredentials = true, Origins = { "*" } };
                    fixedUp.SupportsCredentials = false;
                    return (open, trusted);
                }
            }
            """);
    }

    [Fact]
    public async Task UserTypeNamedCorsPolicy_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            public sealed class CorsPolicy
            {
                public bool SupportsCredentials { get; set; }
                public IList<string> Origins { get; } = new List<string>();
            }

            public static class CorsSetup
            {
                public static CorsPolicy Create() => new CorsPolicy { SupportsCredentials = true, Origins = { "*" } };
            }
            """);
    }

    [Fact]
    public async Task HandBuiltPolicy_RemoveSupportsCredentials_FixAll_FixesBothShapes()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Inline() => new CorsPolicy
                {
                    {|#1:SupportsCredentials = true|},
                    Origins = { {|#0:"*"|} },
                };

                public static CorsPolicy Statements()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add({|#2:"*"|});
                    {|#3:policy.SupportsCredentials = true|};
                    return policy;
                }
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Inline() => new CorsPolicy
                {
                    Origins = { "*" },
                };

                public static CorsPolicy Statements()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add("*");
                    return policy;
                }
            }
            """,
            AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey,
            true,
            HandBuilt(),
            HandBuilt(2, 3));
    }

    [Fact]
    public async Task HandBuiltPolicy_NoConfiguredOriginsActionOffered()
    {
        await VerifyCS.VerifyNoCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Inline() => new CorsPolicy { {|#1:SupportsCredentials = true|}, Origins = { {|#0:"*"|} } };
            }
            """,
            AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey,
            HandBuilt());
    }

    [Theory]
    [InlineData("{|#1:SupportsCredentials = true|}, Origins = { {|#0:\"*\"|} }", "Origins = { \"*\" }")]
    [InlineData("Origins = { {|#0:\"*\"|} }, {|#1:SupportsCredentials = true|}", "Origins = { \"*\" }")]
    [InlineData("Origins = { {|#0:\"*\"|} }, {|#1:SupportsCredentials = true|}, PreflightMaxAge = TimeSpan.FromMinutes(5)", "Origins = { \"*\" }, PreflightMaxAge = TimeSpan.FromMinutes(5)")]
    public async Task HandBuiltPolicy_RemoveSupportsCredentials_OneLineInitializer_KeepsLayout(string members, string fixedMembers)
    {
        await VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Create() => new CorsPolicy { {{members}} };
            }
            """, $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static CorsPolicy Create() => new CorsPolicy { {{fixedMembers}} };
            }
            """,
            AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey,
            true,
            HandBuilt());
    }

    [Fact]
    public async Task StarSpreadFromStaticArray_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#0:WithOrigins([.. Origins.Everyone])|}.{|#1:AllowCredentials()|});

            static class Origins
            {
                public static readonly string[] Everyone = ["*"];
            }
            """, AnyOrigin("the origin \"*\""));
    }

    [Fact]
    public async Task StarNextToUnknownSpread_IsALiteralOriginNotAnyOrigin()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins([.. configured, {|#0:"*"|}]).AllowCredentials()));
            """,
            VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(0)
                .WithArguments("*", "'*' means any origin only when it is the only entry; next to other origins it is compared literally"));
    }
}
