using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>The insert, move, rename and remove fixes of the pipeline and registration rules, with exact output.</summary>
public sealed class CORS010to015FixTests
{
    [Fact]
    public async Task CORS010_MinimalHosting_Fix_InsertsAddCorsBeforeBuild()
    {
        await CSharpCodeFixVerifier<PipelineRules, UseCorsWithoutServicesCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            {|#1:var app = builder.Build();|}
            app.{|#0:UseCors(p => p.WithOrigins("https://app.contoso.com"))|};
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            builder.Services.AddCors();
            var app = builder.Build();
            app.UseCors(p => p.WithOrigins("https://app.contoso.com"));
            app.Run();
            """, UseCorsWithoutServicesCodeFixProvider.AddCorsKey, Diagnostic(DiagnosticIds.UseCorsWithoutServices).WithLocation(0).WithLocation(1));
    }

    [Fact]
    public async Task CORS010_UseCorsInOtherFile_FixAll_InsertsOnceInConfigureServices()
    {
        var test = new CSharpCodeFixVerifier<PipelineRules, UseCorsWithoutServicesCodeFixProvider>.Test("""
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    {|#2:services.AddRazorPages();|}
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAppCors();
                    app.UseEndpoints(e => e.MapRazorPages());
                }
            }
            """, """
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors();
                    services.AddRazorPages();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAppCors();
                    app.UseEndpoints(e => e.MapRazorPages());
                }
            }
            """)
        {
            CodeActionEquivalenceKey = UseCorsWithoutServicesCodeFixProvider.AddCorsKey,
        };
        const string cors = """
            public static class CorsPipeline
            {
                public static void UseAppCors(this IApplicationBuilder app)
                {
                    app.{|#0:UseCors(p => p.WithOrigins("https://a.contoso.com"))|};
                    app.{|#1:UseCors(p => p.WithOrigins("https://b.contoso.com"))|};
                }
            }
            """;
        test.TestState.Sources.Add(("/0/CorsPipeline.cs", cors));
        test.FixedState.Sources.Add(("/0/CorsPipeline.cs", cors.Replace("{|#0:", "").Replace("{|#1:", "").Replace(")|};", ");")));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UseCorsWithoutServices).WithLocation(0).WithLocation(2));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UseCorsWithoutServices).WithLocation(1).WithLocation(2));

        // The two inline policies are also two CORS middlewares in one pipeline (CORS023), before and after the fix.
        var secondCors = Diagnostic(DiagnosticIds.SecondCorsMiddleware)
            .WithSpan("/0/CorsPipeline.cs", 6, 9, 6, 66)
            .WithSpan("/0/CorsPipeline.cs", 5, 9, 5, 66)
            .WithArguments("an earlier UseCors", "the first answers every preflight request itself, so this policy never applies to preflights and an origin only it allows is blocked");
        test.TestState.ExpectedDiagnostics.Add(secondCors);
        test.FixedState.ExpectedDiagnostics.Add(secondCors);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task CORS011_Fix_InsertsUseCorsAfterRoutingWithPolicyName()
    {
        await CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            {|#1:app.UseRouting();|}
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors("spa");
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """, CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
            Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'spa' is added"));
    }

    [Fact]
    public async Task CORS011_TemplateWithDevelopmentOnlyMapping_Fix_InsertsBeforeTheBranch()
    {
        // The webapi template maps OpenAPI under IsDevelopment(): UseCors must run on the production path too.
        await CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddPolicy("reports", p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            {|#1:if (app.Environment.IsDevelopment())
            {
                app.MapGet("/dev", () => "dev");
            }|}

            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("reports", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors("reports");
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/dev", () => "dev");
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """, CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
            Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'reports' is added"));
    }

    [Fact]
    public async Task CORS011_StartupWithoutRouting_Fix_InsertsBeforeEndpointMapping()
    {
        await CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            app.UseHttpsRedirection();
            {|#1:app.MapGet("/", () => "ok");|}
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """, CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
            Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("a default policy is added"));
    }

    [Fact]
    public async Task CORS011_DiscardedPipelineCalls_Fix_InsertsADiscardedUseCors()
    {
        // The inserted call is written as the statement it goes beside: here the app discards every result.
        await CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.{|#0:AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            _ = app.UseHttpsRedirection();
            {|#1:_ = app.UseAuthorization();|}
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            _ = app.UseHttpsRedirection();
            _ = app.UseCors();
            _ = app.UseAuthorization();
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """, CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
            Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("a default policy is added"));
    }

    [Theory]
    [InlineData("spa")]
    [InlineData("partners")]
    public async Task CORS011_TwoNamedPolicies_FixAll_OneActionPerPolicy(string name)
    {
        // UseCors() would apply a default policy that does not exist (CORS013): each action names one policy.
        var test = new CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|};
                o.AddPolicy("partners", p => p.WithOrigins("https://fabrikam.com"));
            });
            var app = builder.Build();
            {|#1:app.UseAuthorization();|}
            app.MapGet("/", () => "ok");
            app.Run();
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"));
                o.AddPolicy("partners", p => p.WithOrigins("https://fabrikam.com"));
            });
            var app = builder.Build();
            app.UseCors("{{name}}");
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = CorsNeverAppliedCodeFixProvider.AddUseCorsKey + "." + name,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'spa' is added"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task CORS011_NamedPolicyAndEnableCorsWithoutName_NoFix()
    {
        // [EnableCors] without a name needs a default policy: no UseCors call makes this app work.
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                [{|#1:EnableCors|}]
                public IActionResult Get() => Ok();
            }
            """;
        var test = new CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.Test(source, source)
        {
            CodeActionEquivalenceKey = CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithArguments("policy 'spa' is added"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(1)
            .WithArguments("[EnableCors] without a name applies the default policy, but no default policy is added and UseCors names none"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task CORS011_NamedPolicyAndEnableCorsWithItsName_Fix_InsertsUseCorsWithoutName()
    {
        await CSharpCodeFixVerifier<PipelineRules, CorsNeverAppliedCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.{|#0:AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"))|});
            var app = builder.Build();
            {|#1:app.UseAuthorization();|}
            app.MapControllers();
            app.Run();

            [EnableCors("spa")]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            [EnableCors("spa")]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, CorsNeverAppliedCodeFixProvider.AddUseCorsKey,
            Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("policy 'spa' is added"));
    }

    [Fact]
    public async Task CORS012_Fix_MovesAfterRoutingKeepingComment()
    {
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    {|#2:app.UseRouting();|}
                    app.UseAuthentication();
                    {|#1:app.UseAuthorization();|}
                    // The SPA calls the API from another origin.
                    {|#0:app.UseCors("spa");|}
                    app.UseEndpoints(e => e.MapGet("/", () => "ok"));
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    // The SPA calls the API from another origin.
                    app.UseCors("spa");
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapGet("/", () => "ok"));
                }
            }
            """, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey, true,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Fact]
    public async Task CORS012_TrailingComment_Fix_MovesWithTheStatement()
    {
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#2:app.UseAuthentication();|}
            {|#1:app.UseAuthorization();|}
            {|#0:app.UseCors();|} // the SPA calls us from another origin
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors(); // the SPA calls us from another origin
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey, true,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Fact]
    public async Task CORS012_TopLevelWithoutRouting_Fix_MovesBeforeAuthentication()
    {
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#2:app.UseAuthentication();|}
            {|#1:app.UseAuthorization();|}
            {|#0:app.UseCors();|}
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey, true,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Fact]
    public async Task CORS012_AcrossMethods_Fix_MovesIntoOtherMethodWithItsReceiver()
    {
        var test = new CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseAppSecurity();
            {|#0:app.UseCors();|}
            app.MapGet("/", () => "ok");
            app.Run();

            static class Security
            {
                public static void UseAppSecurity(this IApplicationBuilder pipeline)
                {
                    {|#2:pipeline.UseAuthentication();|}
                    {|#1:pipeline.UseAuthorization();|}
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseAppSecurity();
            app.MapGet("/", () => "ok");
            app.Run();

            static class Security
            {
                public static void UseAppSecurity(this IApplicationBuilder pipeline)
                {
                    pipeline.UseCors();
                    pipeline.UseAuthentication();
                    pipeline.UseAuthorization();
                }
            }
            """)
        {
            CodeActionEquivalenceKey = MisplacedUseCorsCodeFixProvider.MoveUseCorsKey,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CORS012_BeforeRouting_Fix_MovesAfterRouting()
    {
        var test = new CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#0:app.UseCors();|}
            {|#1:{|#2:app.UseRouting();|}|}
            app.MapGet("/r", () => "ok").RequireCors("A");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/r", () => "ok").RequireCors("A");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = MisplacedUseCorsCodeFixProvider.MoveUseCorsKey,
        };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.UseCorsBeforeRouting).WithLocation(0).WithLocation(1).WithLocation(2));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("_ = ", "_ = ")]
    [InlineData("", "_ = ")]
    [InlineData("_ = ", "")]
    public async Task CORS012_DiscardedResults_Fix_MovesBeforeAuthenticationAsWritten(string useCors, string anchors)
    {
        // Each statement keeps its own form: the moved UseCors goes on discarding its result, or not, and the anchor is found either way.
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyCodeFixAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#2:{{anchors}}app.UseAuthentication();|}
            {|#1:{{anchors}}app.UseAuthorization();|}
            // The SPA calls the API from another origin.
            {|#0:{{useCors}}app.UseCors();|}
            {{anchors}}app.MapGet("/", () => "ok");
            app.Run();
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            // The SPA calls the API from another origin.
            {{useCors}}app.UseCors();
            {{anchors}}app.UseAuthentication();
            {{anchors}}app.UseAuthorization();
            {{anchors}}app.MapGet("/", () => "ok");
            app.Run();
            """, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey, true,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Fact]
    public async Task CORS012_DiscardedResultsAfterEndpointsInStartup_Fix_MovesAfterRouting()
    {
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    {|#2:_ = app.UseRouting();|}
                    _ = app.UseAuthorization();
                    {|#1:_ = app.UseEndpoints(e => e.MapControllers());|}
                    {|#0:_ = app.UseCors("spa");|} // after the endpoints
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    _ = app.UseRouting();
                    _ = app.UseCors("spa"); // after the endpoints
                    _ = app.UseAuthorization();
                    _ = app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey, true,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("UseEndpoints", "CORS never runs for endpoint requests, so responses get no CORS headers and preflights get 405"));
    }

    [Fact]
    public async Task CORS012_AssignedToALocalNamedUnderscore_NoFix()
    {
        // Not a discard: '_' is a variable here, and the statement assigns it. Reported on the call, and nothing is moved.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            IApplicationBuilder _;
            app.UseAuthentication();
            {|#1:app.UseAuthorization();|}
            _ = app.{|#0:UseCors()|};
            app.MapGet("/", () => "ok");
            app.Run();
            """;
        await CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.VerifyNoCodeFixAsync(
            source,
            MisplacedUseCorsCodeFixProvider.MoveUseCorsKey,
            new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1)
                .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
    }

    [Fact]
    public async Task CORS012_SecondUseCorsInPipeline_NoFix()
    {
        // Moved before UseAuthentication, UseCors("b") would still run after UseCors("a"): no position is right.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://app.contoso.com"));
                o.AddPolicy("b", p => p.WithOrigins("https://fabrikam.com"));
            });
            var app = builder.Build();
            app.UseCors("a");
            app.UseAuthentication();
            {|#1:app.UseAuthorization();|}
            {|#0:app.UseCors("b");|}
            app.MapGet("/", () => "ok");
            app.Run();
            """;
        var test = new CSharpCodeFixVerifier<PipelineRules, MisplacedUseCorsCodeFixProvider>.Test(source, source)
        {
            CodeActionEquivalenceKey = MisplacedUseCorsCodeFixProvider.MoveUseCorsKey,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1)
            .WithArguments("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"));
        test.DisabledDiagnostics.Add(DiagnosticIds.SecondCorsMiddleware);
        await test.RunAsync();
    }

    [Fact]
    public async Task CORS013_Fix_OffersClosestNameFirst()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"));
                o.AddPolicy("partners", p => p.WithOrigins("https://fabrikam.com"));
            });
            var app = builder.Build();
            app.{|#0:UseCors("Spa")|};
            app.Run();
            """;
        var expected = Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'Spa' is added (added: 'spa', 'partners')");
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync(
            source, source.Replace("{|#0:UseCors(\"Spa\")|}", "UseCors(\"spa\")"), UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".spa", expected);
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync(
            source, source.Replace("{|#0:UseCors(\"Spa\")|}", "UseCors(\"partners\")"), UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".partners", expected);
    }

    [Fact]
    public async Task CORS013_AttributeAndRequireCors_FixAll_RenamesEach()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/", () => "ok").{|#0:RequireCors("sap")|};
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                [{|#1:EnableCors("SPA")|}]
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/", () => "ok").RequireCors("spa");
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                [EnableCors("spa")]
                public IActionResult Get() => Ok();
            }
            """, UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".spa",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'sap' is added (added: 'spa')"),
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(1).WithArguments("No CORS policy named 'SPA' is added (added: 'spa')"));
    }

    [Fact]
    public async Task CORS013_EnableCorsWithConstantAndPolicyInExtensionMethod_FixAll_UsesTheExistingName()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCorsPolicies();
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();

            public static class Policies
            {
                public const string Frontend = "Frontend";
            }

            public static class CorsExtensions
            {
                public static IServiceCollection AddCorsPolicies(this IServiceCollection services) =>
                    services.AddCors(options => options.AddPolicy("AllowFrontend", p => p.WithOrigins("https://app.contoso.com")));
            }

            [{|#0:EnableCors(Policies.Frontend)|}]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [{|#1:EnableCors("allowfrontend")|}]
            public class InvoicesController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCorsPolicies();
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();

            public static class Policies
            {
                public const string Frontend = "Frontend";
            }

            public static class CorsExtensions
            {
                public static IServiceCollection AddCorsPolicies(this IServiceCollection services) =>
                    services.AddCors(options => options.AddPolicy("AllowFrontend", p => p.WithOrigins("https://app.contoso.com")));
            }

            [EnableCors("AllowFrontend")]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [EnableCors("AllowFrontend")]
            public class InvoicesController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".AllowFrontend",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'Frontend' is added (added: 'AllowFrontend')"),
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(1).WithArguments("No CORS policy named 'allowfrontend' is added (added: 'AllowFrontend')"));
    }

    [Fact]
    public async Task CORS013_StartupPolicyAndControllerAttribute_Fix_UsesTheExistingName()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(options => options.AddPolicy("AllowOrigin", b => b.WithOrigins("https://app.contoso.com")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [ApiController]
            [{|#0:EnableCors("AllowOrigins")|}]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """;
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync(
            source, source.Replace("{|#0:EnableCors(\"AllowOrigins\")|}", "EnableCors(\"AllowOrigin\")"), UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".AllowOrigin",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'AllowOrigins' is added (added: 'AllowOrigin')"));
    }

    [Fact]
    public async Task CORS015_SeparateLists_Fix_RemovesEnableCorsKeepingDocComment()
    {
        await CSharpCodeFixVerifier<PipelineRules, ConflictingCorsAttributesCodeFixProvider>.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                /// <summary>Internal endpoint.</summary>
                [{|#0:EnableCors("spa")|}]
                [{|#1:DisableCors|}]
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                /// <summary>Internal endpoint.</summary>
                [DisableCors]
                public IActionResult Get() => Ok();
            }
            """, ConflictingCorsAttributesCodeFixProvider.RemoveEnableCorsKey, true,
            Diagnostic(DiagnosticIds.ConflictingCorsAttributes).WithLocation(0).WithLocation(1).WithArguments("Get"));
    }

    [Fact]
    public async Task CORS015_SameList_FixAll_RemovesEach()
    {
        await CSharpCodeFixVerifier<PipelineRules, ConflictingCorsAttributesCodeFixProvider>.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [{|#1:DisableCors|}, {|#0:EnableCors|}]
            public class OrdersController : ControllerBase
            {
                [{|#2:EnableCors("spa")|}, {|#3:DisableCors|}]
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [DisableCors]
            public class OrdersController : ControllerBase
            {
                [DisableCors]
                public IActionResult Get() => Ok();
            }
            """, ConflictingCorsAttributesCodeFixProvider.RemoveEnableCorsKey, true,
            Diagnostic(DiagnosticIds.ConflictingCorsAttributes).WithLocation(0).WithLocation(1).WithArguments("OrdersController"),
            Diagnostic(DiagnosticIds.ConflictingCorsAttributes).WithLocation(2).WithLocation(3).WithArguments("Get"));
    }

    private static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<PipelineRules>.Diagnostic(id);
}
