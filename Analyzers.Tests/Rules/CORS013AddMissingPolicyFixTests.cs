using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// CORS013's second fix: the app applies a policy name that nothing adds, often the documented
/// <c>var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";</c> with a bare <c>AddCors()</c>. The fix adds that policy to
/// the one <c>AddCors</c>, allowing exactly the origins listed in configuration.
/// </summary>
public sealed class CORS013AddMissingPolicyFixTests
{
    private const string Key = UnknownPolicyNameCodeFixProvider.AddPolicyKey;

    private static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<PipelineRules>.Diagnostic(id);

    private static async Task VerifyNoAddPolicyFixAsync(string source, string name, DiagnosticResult expected)
    {
        var test = new CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.Test(source, source) { CodeActionEquivalenceKey = Key + "." + name };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        test.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task BareAddCorsInMinimalHosting_Fix_AddsThePolicyReadingConfiguration()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
            var builder = WebApplication.CreateBuilder(args);
            // CORS for the front end
            builder.Services.AddCors();
            var app = builder.Build();
            app.{|#0:UseCors(MyAllowSpecificOrigins)|};
            app.Run();
            """, """
            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
            var builder = WebApplication.CreateBuilder(args);
            // CORS for the front end
            builder.Services.AddCors(options => options.AddPolicy("_myAllowSpecificOrigins", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors(MyAllowSpecificOrigins);
            app.Run();
            """, Key + "._myAllowSpecificOrigins",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named '_myAllowSpecificOrigins' is added (no named policy is added)"));
    }

    [Fact]
    public async Task BlockLambdaInStartupAndNameOnControllers_FixAll_AddsThePolicyOnce()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"));
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [{|#0:EnableCors("partners")|}]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [{|#1:EnableCors("partners")|}]
            public class InvoicesController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com"));
                        options.AddPolicy("partners", policy => policy.WithOrigins(Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowAnyMethod());
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [EnableCors("partners")]
            public class OrdersController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [EnableCors("partners")]
            public class InvoicesController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """, Key + ".partners",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'partners' is added (no named policy is added)"),
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(1).WithArguments("No CORS policy named 'partners' is added (no named policy is added)"));
    }

    [Fact]
    public async Task ExpressionLambdaWithTypoCandidate_Fix_KeepsTheOtherPolicyInABlock()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.MapGet("/", () => "ok").{|#0:RequireCors("admin")|};
            app.UseCors();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"));
                o.AddPolicy("admin", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowAnyMethod());
            });
            var app = builder.Build();
            app.UseRouting();
            app.MapGet("/", () => "ok").RequireCors("admin");
            app.UseCors();
            app.Run();
            """, Key + ".admin",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'admin' is added (added: 'spa')"));
    }

    [Fact]
    public async Task NamesThatClash_Fix_PicksFreshParameterNames()
    {
        await CSharpCodeFixVerifier<PipelineRules, UnknownPolicyNameCodeFixProvider>.VerifyNonLocalCodeFixAsync("""
            var options = "unused";
            var policy = 1;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.{|#0:UseCors("web")|};
            app.Run();
            """, """
            var options = "unused";
            var policy = 1;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options2 => options2.AddPolicy("web", policy2 => policy2.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors("web");
            app.Run();
            """, Key + ".web",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'web' is added (no named policy is added)"));
    }

    [Fact]
    public async Task TwoAddCorsCalls_NoAddPolicyFix()
    {
        await VerifyNoAddPolicyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.{|#0:UseCors("web")|};
            app.Run();
            """, "web",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'web' is added (added: 'spa')"));
    }

    [Fact]
    public async Task AddCorsInServiceCollectionHelperWithoutConfiguration_NoAddPolicyFix()
    {
        await VerifyNoAddPolicyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApi();
            var app = builder.Build();
            app.{|#0:UseCors("web")|};
            app.Run();

            public static class ApiServices
            {
                public static IServiceCollection AddApi(this IServiceCollection services) => services.AddCors();
            }
            """, "web",
            Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'web' is added (no named policy is added)"));
    }
}
