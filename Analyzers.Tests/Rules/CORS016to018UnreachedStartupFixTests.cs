using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// An app migrated to a top-level <c>WebApplication</c> program that kept its old Startup class: the class holds a second
/// <c>AddCors</c>/<c>UseCors</c>, but only when nothing reaches it does the fix treat the program's own <c>UseCors</c> as
/// the one that answers.
/// </summary>
public sealed class CORS016to018UnreachedStartupFixTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddCors(o => o.AddPolicy("AllowOrigin", p => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("AllowOrigin");
        app.UseRouting();
        app.UseAuthorization();
        app.UseCorsHeaders();
        app.MapControllers();
        app.Run();
        """;

    private const string Middleware = """
        public class CorsHeadersMiddleware
        {
            private readonly RequestDelegate _next;

            public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

            public Task Invoke(HttpContext httpContext)
            {
                {|#0:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                {|#1:httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true")|};
                {|#2:httpContext.Response.Headers.Add("Access-Control-Allow-Methods", "POST,GET,PUT,PATCH,DELETE,OPTIONS")|};
                return _next(httpContext);
            }
        }

        public static class CorsHeadersMiddlewareExtensions
        {
            public static IApplicationBuilder UseCorsHeaders(this IApplicationBuilder builder) => builder.UseMiddleware<CorsHeadersMiddleware>();
        }
        """;

    private const string FixedMiddleware = """
        public class CorsHeadersMiddleware
        {
            private readonly RequestDelegate _next;

            public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

            public Task Invoke(HttpContext httpContext)
            {
                return _next(httpContext);
            }
        }

        public static class CorsHeadersMiddlewareExtensions
        {
            public static IApplicationBuilder UseCorsHeaders(this IApplicationBuilder builder) => builder.UseMiddleware<CorsHeadersMiddleware>();
        }
        """;

    private const string Startup = """
        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddControllers();
                services.AddCors(o => o.AddPolicy("AllowOrigin", p => p.WithOrigins("https://old.contoso.com")));
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseCors("AllowOrigin");
                app.UseRouting();
                app.UseAuthorization();
                app.UseCorsHeaders();
                app.UseEndpoints(e => e.MapControllers());
            }
        }
        """;

    private const string Title = "Remove the hand-written CORS headers: policy 'AllowOrigin' answers (not carried over: credentials)";

    [Fact]
    public async Task StartupNothingReaches_Fix_UsesTheProgramsPolicy()
    {
        var test = Test(Program, Startup, FixedMiddleware, Startup);
        test.CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(Title, action.Title);
        await test.RunAsync();
    }

    [Fact]
    public async Task StartupNothingReachesWithOnlyCors018_Fix_UsesTheProgramsPolicy()
    {
        // CORS016 turned off: CORS018's own finding gets the same action.
        var test = Test(Program, Startup, FixedMiddleware, Startup, DiagnosticIds.HandWrittenCorsHeaders);
        test.CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(Title, action.Title);
        await test.RunAsync();
    }

    [Fact]
    public async Task StartupInAPartialClass_Fix_UsesTheProgramsPolicy()
    {
        // Two declarations of one class: references from either half are the class's own.
        var halves = Startup.Replace("public class Startup", "public partial class Startup")
            + "\npublic partial class Startup\n{\n    public void Log(IApplicationBuilder app) => Configure(app);\n}\n";
        var test = Test(Program, halves, FixedMiddleware, halves);
        test.CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task ProgramClassWithItsOwnConfigureServices_Fix_KeepsItsPolicyLive()
    {
        // Main calls its own class's ConfigureServices helper: the program's class is never taken for an old Startup.
        const string program = """
            public class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    ConfigureServices(builder.Services);
                    var app = builder.Build();
                    app.UseCors("AllowOrigin");
                    app.UseCorsHeaders();
                    app.MapControllers();
                    app.Run();
                }

                private static void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(o => o.AddPolicy("AllowOrigin", p => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));
                }
            }
            """;
        var test = Test(program, Startup, FixedMiddleware, Startup);
        test.CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(Title, action.Title);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("public static class DesignTime\n{\n    public static IHostBuilder Create(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup<Startup>());\n}\n")]
    [InlineData("public static class DesignTime\n{\n    public static IHostBuilder Create(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup(typeof(Startup)));\n}\n")]
    [InlineData("public static class DesignTime\n{\n    public static IHostBuilder Create(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup(typeof(DesignTime).Assembly.GetName().Name!));\n}\n")]
    [InlineData("public static class Legacy\n{\n    public static void Run(IApplicationBuilder app, IConfiguration configuration) => new Startup(configuration).Configure(app);\n}\n")]
    [InlineData("public sealed class TestStartup : Startup\n{\n    public TestStartup(IConfiguration configuration) : base(configuration) { }\n}\n")]
    public async Task StartupSomethingMayReach_NoFix(string reach)
    {
        // The Startup may run: its UseCors is a second CORS middleware, and which one answers is for a person to decide.
        var test = Test(Program, Startup + "\n" + reach, Middleware, Startup + "\n" + reach);
        await test.RunAsync();
    }

    [Fact]
    public async Task StartupCalledFromTheProgram_NoFix()
    {
        var program = Program.Replace("builder.Services.AddControllers();", "new Startup(builder.Configuration).ConfigureServices(builder.Services);");
        var test = Test(program, Startup, Middleware, Startup);
        await test.RunAsync();
    }

    [Fact]
    public async Task StartupWithoutAProgram_Fix_KeepsItsPolicyLive()
    {
        // No program here builds a WebApplication: the Startup is what another project runs, and its policy answers.
        var source = Startup + "\n" + Middleware;
        var fixedSource = Startup.Replace("p.WithOrigins(\"https://old.contoso.com\")", "p.WithOrigins(\"https://old.contoso.com\").WithMethods(\"PUT\", \"PATCH\", \"DELETE\")")
            + "\n" + FixedMiddleware;
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Remove the hand-written CORS headers: policy 'AllowOrigin' answers, with the methods PUT, PATCH, DELETE added (not carried over: any origin, credentials)", action.Title),
        };
        Expect(test);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    private static CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test Test(string program, string startup, string fixedMiddleware, string fixedStartup, string? disabled = null)
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(program, program);
        test.TestState.Sources.Add(("/0/Startup.cs", startup));
        test.TestState.Sources.Add(("/0/CorsHeadersMiddleware.cs", Middleware));
        test.FixedState.Sources.Add(("/0/Startup.cs", fixedStartup));
        test.FixedState.Sources.Add(("/0/CorsHeadersMiddleware.cs", fixedMiddleware));
        if (disabled is not null)
        {
            test.DisabledDiagnostics.Add(disabled);
        }

        Expect(test, disabled);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return test;
    }

    private static void Expect(CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test test, string? disabled = null)
    {
        if (disabled != DiagnosticIds.HandWrittenCorsHeaders)
        {
            test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<HeaderRules>.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Access-Control-Allow-Methods"));
        }

        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<HeaderRules>.Diagnostic(DiagnosticIds.WildcardOriginWithCredentialsHeader).WithLocation(0).WithLocation(1));
    }
}
