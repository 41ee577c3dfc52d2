using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<CorsAnalyzers.Tests.PipelineRules, CorsAnalyzers.CodeFixes.AuthorizationBeforeCorsCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS025AuthorizationBeforeCorsTests
{
    private const string EndpointMetadata = "preflight requests to endpoints that require authorization get the challenge instead of CORS headers, so those cross-origin calls fail";
    private const string MiddlewarePolicy = "the 401/302 answers of endpoints that require authorization carry no CORS headers, so the page cannot tell that the user is signed out";
    private const string Fallback = "the fallback policy challenges every preflight request, without CORS headers, so every cross-origin call that needs a preflight fails";

    private const string Services = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("cookie").AddCookie("cookie");
        builder.Services.AddAuthorization();
        builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com").AllowCredentials()));
        var app = builder.Build();
        """;

    [Fact]
    public async Task EndpointMetadataNoUseAuthorization_ReportsDiagnostic_Fix_InsertsAuthenticationAndAuthorization()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Services + """

            {|#2:app.{|#0:UseCors()|};|}
            app.MapPut("/orders", () => "ok").RequireCors("spa").{|#1:RequireAuthorization()|};
            app.Run();
            """,
            Services + """

            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapPut("/orders", () => "ok").RequireCors("spa").RequireAuthorization();
            app.Run();
            """,
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(EndpointMetadata));
    }

    [Fact]
    public async Task DiscardedUseCors_ReportsDiagnostic_Fix_InsertsDiscardedCallsAfterIt()
    {
        // The inserted calls are written as the UseCors they follow: its result is discarded, so theirs are too.
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Services + """

            {|#2:_ = app.{|#0:UseCors()|};|}
            _ = app.MapPut("/orders", () => "ok").RequireCors("spa").{|#1:RequireAuthorization()|};
            app.Run();
            """,
            Services + """

            _ = app.UseCors();
            _ = app.UseAuthentication();
            _ = app.UseAuthorization();
            _ = app.MapPut("/orders", () => "ok").RequireCors("spa").RequireAuthorization();
            app.Run();
            """,
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(EndpointMetadata));
    }

    [Fact]
    public async Task ControllersWithAuthorizeAndMiddlewarePolicy_ReportsDiagnostic_Fix_InsertsBoth()
    {
        const string Program = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#2:app.{|#0:UseCors("spa")|};|}
            app.MapControllers();
            app.Run();

            [ApiController]
            [{|#1:Authorize|}]
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Program,
            Program.Replace("{|#2:app.{|#0:UseCors(\"spa\")|};|}", "app.UseCors(\"spa\");\napp.UseAuthentication();\napp.UseAuthorization();").Replace("[{|#1:Authorize|}]", "[Authorize]"),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Theory]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", "o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()")]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", "SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())")]
    public async Task FallbackPolicyWithExplicitRouting_ReportsDiagnostic_Fix_InsertsAfterUseCors(string authorization, string requirement)
    {
        var source = """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            AUTHORIZATION
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            {|#2:app.{|#0:UseCors()|};|}
            app.MapGet("/orders", () => "ok");
            app.Run();
            """.Replace("AUTHORIZATION", authorization.Replace(requirement, "{|#1:" + requirement + "|}"));
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            source,
            """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            AUTHORIZATION
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseAuthorization();
            app.MapGet("/orders", () => "ok");
            app.Run();
            """.Replace("AUTHORIZATION", authorization),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(Fallback));
    }

    [Fact]
    public async Task UseCorsInHelperCalledFromProgram_ReportsInHelper_Fix_InsertsAfterHelperCall()
    {
        const string Helper = """

            static class PipelineSetup
            {
                public static IApplicationBuilder UseFrontEndCors(this IApplicationBuilder app) => app.{|#0:UseCors("spa")|};
            }
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Services + """

            {|#2:app.UseFrontEndCors();|}
            app.MapGet("/orders", () => "ok").{|#1:RequireAuthorization()|};
            app.Run();
            """ + Helper,
            Services + """

            app.UseFrontEndCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """ + Helper.Replace("{|#0:UseCors(\"spa\")|}", "UseCors(\"spa\")"),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Fact]
    public async Task ConfigureMethodWithWebApplicationAndAuthenticationAfterUseCors_Fix_InsertsAuthorizationAfterIt()
    {
        const string Program = """
            public static class App
            {
                public static void Main()
                {
                }

                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddRazorPages();
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
                }

                public static void Configure(WebApplication web)
                {
                    web.{|#0:UseCors()|};
                    {|#2:web.UseAuthentication();|}
                    web.MapGet("/orders", () => "ok").RequireCors(p => p.WithOrigins("https://app.contoso.com")).{|#1:RequireAuthorization("admin")|};
                }
            }
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Program,
            Program.Replace("{|#2:web.UseAuthentication();|}", "web.UseAuthentication();\n        web.UseAuthorization();").Replace("{|#0:UseCors()|}", "UseCors()").Replace("{|#1:RequireAuthorization(\"admin\")|}", "RequireAuthorization(\"admin\")"),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(EndpointMetadata));
    }

    [Fact]
    public async Task UseCorsOnlyInDevelopment_ReportsDiagnostic()
    {
        // The automatic middleware runs in every environment (measured in Development too).
        await VerifyCS.VerifyAnalyzerAsync(Services + """

            if (app.Environment.IsDevelopment())
            {
                {|#2:app.{|#0:UseCors("spa")|};|}
            }

            app.MapGet("/orders", () => "ok").{|#1:RequireAuthorization()|};
            app.Run();
            """, VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Fact]
    public async Task TwoPipelinesBranches_FixAll_InsertsAfterEach()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Services + """

            if (args.Length > 0)
            {
                {|#3:app.{|#0:UseCors("spa")|};|}
            }
            else
            {
                {|#4:app.{|#2:UseCors("spa")|};|}
            }

            app.MapGet("/orders", () => "ok").{|#1:RequireAuthorization()|};
            app.Run();
            """,
            Services + """

            if (args.Length > 0)
            {
                app.UseCors("spa");
                app.UseAuthentication();
                app.UseAuthorization();
            }
            else
            {
                app.UseCors("spa");
                app.UseAuthentication();
                app.UseAuthorization();
            }

            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """,
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: new[]
            {
                VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(3).WithArguments(MiddlewarePolicy),
                VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(2).WithLocation(1).WithLocation(4).WithArguments(MiddlewarePolicy),
            });
    }

    [Fact]
    public async Task FallbackPolicyAndRoutingAfterUseCors_Fix_InsertsAfterUseRouting()
    {
        const string Program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => {|#1:o.FallbackPolicy = o.DefaultPolicy|});
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.{|#0:UseCors()|};
            {|#2:app.UseRouting();|}
            app.MapGet("/orders", () => "ok");
            app.Run();
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Program,
            Program.Replace("{|#1:o.FallbackPolicy = o.DefaultPolicy|}", "o.FallbackPolicy = o.DefaultPolicy").Replace("app.{|#0:UseCors()|};", "app.UseCors();").Replace("{|#2:app.UseRouting();|}", "app.UseRouting();\napp.UseAuthorization();"),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(Fallback));
    }

    [Fact]
    public async Task AuthorizeAttributeAsMetadataWithSignalR_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#2:app.{|#0:UseCors()|};|}
            app.MapGet("/orders", () => "ok").WithMetadata({|#1:new AuthorizeAttribute()|});
            app.Run();
            """, VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Fact]
    public async Task IdentityRegistersAuthentication_Fix_InsertsBoth()
    {
        const string Program = """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>();
            builder.Services.AddAuthorization();
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").AllowCredentials()));
            var app = builder.Build();
            {|#2:app.{|#0:UseCors()|};|}
            app.MapGet("/orders", () => "ok").{|#1:RequireAuthorization()|};
            app.Run();
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Program,
            Program.Replace("{|#2:app.{|#0:UseCors()|};|}", "app.UseCors();\napp.UseAuthentication();\napp.UseAuthorization();").Replace("{|#1:RequireAuthorization()|}", "RequireAuthorization()"),
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Fact]
    public async Task FallbackPolicySetToNull_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = null);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/orders", () => "ok");
            app.Run();
            """);
    }

    [Theory]
    [InlineData("app.UseCors(\"spa\");\napp.UseAuthorization();")]
    [InlineData("app.UseCors(\"spa\");\napp.UseAuthentication();\napp.UseAuthorization();")]
    [InlineData("app.UseAuthentication();\napp.UseCors(\"spa\");\napp.UseAuthorization();")]
    [InlineData("app.UseRouting();\napp.UseCors(\"spa\");\napp.UseAuthentication();\napp.UseAuthorization();")]
    public async Task UseAuthorizationAfterUseCors_NoDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(Services + "\n" + pipeline + """

            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """);
    }

    [Fact]
    public async Task UseAuthorizationOnlyBeforeUseCors_OnlyCors012()
    {
        await VerifyCS.VerifyAnalyzerAsync(Services + """

            {|#2:app.UseAuthentication();|}
            {|#1:app.UseAuthorization();|}
            {|#0:app.UseCors("spa");|}
            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """, VerifyCS.Diagnostic(DiagnosticIds.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Theory]
    [InlineData("builder.Services.AddAuthorization();", "app.MapGet(\"/orders\", () => \"ok\");")]
    [InlineData("builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");", "app.MapGet(\"/orders\", () => \"ok\").RequireAuthorization();")]
    [InlineData("builder.Services.AddIdentityCore<Microsoft.AspNetCore.Identity.IdentityUser>();", "app.MapGet(\"/orders\", () => \"ok\").RequireAuthorization();")]
    [InlineData("builder.Services.AddAuthorization();", "app.MapGet(\"/orders\", () => \"ok\").RequireAuthorization();\napp.UseRouting();")]
    public async Task NoAuthorizationServicesNoRequirementOrExplicitRouting_NoDiagnostic(string services, string endpoints)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            {{endpoints}}
            app.Run();
            """);
    }

    [Fact]
    public async Task StartupConfigurePipeline_NoDiagnostic()
    {
        // The generic host adds no middleware itself: without UseAuthorization nothing authorizes.
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthorization();
                    services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(e => e.MapGet("/orders", () => "ok").RequireAuthorization());
                }
            }

            public static class Program
            {
                public static void Main() { }
            }
            """);
    }

    [Fact]
    public async Task UserTypeNamedWebApplication_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = new My.WebApplication(builder.Build());
            app.UseCors();
            app.Inner.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Inner.UseAuthorization();

            namespace My
            {
                public sealed class WebApplication
                {
                    public WebApplication(Microsoft.AspNetCore.Builder.WebApplication inner) => Inner = inner;

                    public Microsoft.AspNetCore.Builder.WebApplication Inner { get; }

                    public void UseCors() => Inner.UseCors();
                }
            }
            """);
    }

    [Fact]
    public async Task HelperOnlyAnalyzedAlone_NoDiagnostic()
    {
        // Whoever calls the extension may add UseAuthorization after it: no caller is visible.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();

            public static class PipelineSetup
            {
                public static void UseFrontEnd(this WebApplication app) => app.UseCors();
            }
            """);
    }

    [Fact]
    public async Task UnboundUseAuthorization_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(Services + """

            app.UseCors("spa");
            app.{|CS1501:UseAuthorization|}("admin");
            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """);
    }

    [Fact]
    public async Task RouteGroupRequiresAuthorization_ReportsDiagnostic_Fix_InsertsAuthenticationAndAuthorization()
    {
        // The group's only requirement: RequireAuthorization is the framework's generic extension on any
        // IEndpointConventionBuilder, RouteGroupBuilder included, so the group is read like an endpoint.
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            Services + """

            {|#2:app.{|#0:UseCors("spa")|};|}
            var manage = app.MapGroup("/manage").{|#1:RequireAuthorization()|};
            manage.MapGet("/data", () => "secret");
            app.Run();
            """,
            Services + """

            app.UseCors("spa");
            app.UseAuthentication();
            app.UseAuthorization();
            var manage = app.MapGroup("/manage").RequireAuthorization();
            manage.MapGet("/data", () => "secret");
            app.Run();
            """,
            AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Theory]
    [InlineData("app.MapGroup(\"/manage\").{|#1:RequireAuthorization()|}.MapGet(\"/data\", () => \"secret\");")]
    [InlineData("var manage = app.MapGroup(\"/manage\");\nmanage.{|#1:RequireAuthorization(\"admin\")|};\nmanage.MapGet(\"/data\", () => \"secret\");")]
    [InlineData("var account = app.MapGroup(\"/account\");\nvar manage = account.MapGroup(\"/manage\").{|#1:RequireAuthorization(p => p.RequireRole(\"admin\"))|};\nmanage.MapPost(\"/email\", () => \"ok\");")]
    [InlineData("app.MapGroup(\"/manage\").{|#1:RequireAuthorization()|};")]
    [InlineData("app.MapGroup(\"/manage\").MapGet(\"/data\", [{|#1:Authorize|}] () => \"secret\");")]
    [InlineData("app.MapGroup(\"/manage\").WithMetadata({|#1:new AuthorizeAttribute()|}).MapGet(\"/data\", () => \"secret\");")]
    public async Task RouteGroupRequirementShapes_ReportsDiagnostic(string endpoints)
    {
        // A group with nothing mapped on it is read like an endpoint builder whose endpoints are out of sight: reported.
        await VerifyCS.VerifyAnalyzerAsync("using Microsoft.AspNetCore.Authorization;\n\n" + Services + "\n{|#2:app.{|#0:UseCors(\"spa\")|};|}\n" + endpoints + "\napp.Run();\n",
            VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }

    [Fact]
    public async Task RouteGroupWithEndpointPolicyInExtensionInOtherFile_ReportsDiagnostic_Fix_InsertsAfterUseCors()
    {
        const string Endpoints = """
            namespace Contoso.Accounts;

            internal static class AccountEndpoints
            {
                public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
                {
                    var account = endpoints.MapGroup("/account").RequireCors("spa");
                    account.MapPost("/login", () => "ok");
                    var manage = account.MapGroup("/manage").{|#1:RequireAuthorization()|};
                    manage.MapPut("/email", () => "ok");
                    return account;
                }
            }
            """;
        var test = new VerifyCS.Test(
            "using Contoso.Accounts;\n\n" + Services + """

            {|#2:app.{|#0:UseCors()|};|}
            app.MapAccountEndpoints();
            app.Run();
            """,
            "using Contoso.Accounts;\n\n" + Services + """

            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapAccountEndpoints();
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey,
        };
        test.TestState.Sources.Add(("/0/AccountEndpoints.cs", Endpoints));
        test.FixedState.Sources.Add(("/0/AccountEndpoints.cs", Endpoints.Replace("{|#1:RequireAuthorization()|}", "RequireAuthorization()")));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(EndpointMetadata));
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("var manage = app.MapGroup(\"/manage\");\nmanage.MapGet(\"/data\", () => \"secret\");")]
    [InlineData("var manage = app.MapGroup(\"/manage\").RequireCors(\"spa\");\nmanage.MapGet(\"/data\", () => \"secret\");")]
    [InlineData("var routes = new Routes();\nroutes.MapGroup(\"/manage\").RequireAuthorization().MapGet(\"/data\");")]
    [InlineData("app.MapGroup(\"/manage\").RequireAuthorization(enabled: false).MapGet(\"/data\", () => \"secret\");")]
    public async Task RouteGroupWithoutFrameworkRequirement_NoDiagnostic(string endpoints)
    {
        await VerifyCS.VerifyAnalyzerAsync(Services + "\napp.UseCors(\"spa\");\n" + endpoints + """

            app.Run();

            sealed class Routes
            {
                public Routes MapGroup(string prefix) => this;

                public Routes RequireAuthorization() => this;

                public Routes MapGet(string pattern) => this;
            }

            static class GroupConventions
            {
                // The project's own method of the same name on the real group: it attaches nothing.
                public static RouteGroupBuilder RequireAuthorization(this RouteGroupBuilder group, bool enabled) => group;
            }
            """);
    }

    [Theory]
    [InlineData("app.UseCors(\"spa\");\napp.UseAuthorization();")]
    [InlineData("app.UseAuthentication();\napp.UseCors(\"spa\");\napp.UseAuthorization();")]
    public async Task RouteGroupWithUseAuthorizationAfterUseCors_NoDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(Services + "\n" + pipeline + """

            var manage = app.MapGroup("/manage").RequireAuthorization();
            manage.MapGet("/data", () => "secret");
            app.Run();
            """);
    }

    [Theory]
    [InlineData("var manage = app.MapGroup(\"/manage\").RequireAuthorization({|CS1503:42|});\napp.Run();")]
    [InlineData("var manage = app.{|CS1061:MapGrop|}(\"/manage\").RequireAuthorization();\napp.Run();")]
    public async Task RouteGroupRequirementThatDoesNotBind_NoDiagnostic(string endpoints)
    {
        // Half-typed: the call may be the requirement or not; nothing is decided on code that does not bind.
        await VerifyCS.VerifyAnalyzerAsync(Services + "\napp.UseCors(\"spa\");\n" + endpoints);
    }

    [Fact]
    public async Task RouteGroupRequirementWhileArgumentsAreTyped_ReportsDiagnostic()
    {
        // The unclosed call still binds to the framework's RequireAuthorization: whatever arguments follow, it is a requirement.
        await VerifyCS.VerifyAnalyzerAsync(Services + """

            {|#2:app.{|#0:UseCors("spa")|};|}
            app.Run();
            var manage = app.MapGroup("/manage").{|#1:RequireAuthorization(|}{|CS1026:|}{|CS1002:|}
            """, VerifyCS.Diagnostic(DiagnosticIds.AuthorizationBeforeCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(MiddlewarePolicy));
    }
}
