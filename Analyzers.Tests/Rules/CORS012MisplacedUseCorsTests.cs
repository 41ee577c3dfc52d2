using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS012MisplacedUseCorsTests
{
    private const string AuthConsequence = "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult After(string anchor, string consequence) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(anchor, consequence);

    [Fact]
    public async Task AfterAuthorizationInMinimalHosting_ReportsWithSlotBeforeAuthentication()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseHttpsRedirection();
            {|#2:app.UseAuthentication();|}
            {|#1:app.UseAuthorization();|}
            {|#0:app.UseCors();|}
            app.MapGet("/orders", () => "ok").RequireAuthorization();
            app.Run();
            """, After("UseAuthorization", AuthConsequence));
    }

    [Fact]
    public async Task AfterAuthorizationWithExplicitRouting_ReportsWithSlotAfterRouting()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env, ILogger<Startup> logger)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    {|#2:app.UseRouting();|}
                    {|#1:app.UseAuthorization();|}
                    // CORS for the SPA
                    {|#0:app.UseCors("spa");|}
                    app.UseEndpoints(e => e.MapGet("/", () => "ok"));
                }
            }
            """, After("UseAuthorization", AuthConsequence));
    }

    [Fact]
    public async Task AfterUseEndpoints_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    {|#2:app.UseRouting();|}
                    {|#1:app.UseEndpoints(e => e.MapGet("/", () => "ok"));|}
                    {|#0:app.UseCors();|}
                }
            }
            """, After("UseEndpoints", "CORS never runs for endpoint requests, so responses get no CORS headers and preflights get 405"));
    }

    [Theory]
    [InlineData("UseResponseCaching")]
    [InlineData("UseOutputCache")]
    public async Task AfterCaching_ReportsDiagnostic(string caching)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#1:{|#2:app.{{caching}}();|}|}
            {|#0:app.UseCors();|}
            app.MapGet("/", () => "ok");
            app.Run();
            """, After(caching, "responses served from the cache are replayed without CORS headers"));
    }

    [Fact]
    public async Task BeforeRoutingWithEndpointMetadata_ReportsAtCompilationEnd()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {|#0:app.UseCors();|}
            {|#1:{|#2:app.UseRouting();|}|}
            app.MapGet("/r", () => "ok").RequireCors("A");
            app.Run();
            """, VerifyCS.Diagnostic(DiagnosticDescriptors.UseCorsBeforeRouting).WithLocation(0).WithLocation(1).WithLocation(2));
    }

    [Fact]
    public async Task SplitAcrossExtensionMethodsInOtherFiles_ReportsInHelper()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseAppSecurity();
            app.UseAppCors();
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Security.cs", """
            public static class SecuritySetup
            {
                public static IApplicationBuilder UseAppSecurity(this IApplicationBuilder app)
                {
                    {|#2:app.UseAuthentication();|}
                    {|#1:app.UseAuthorization();|}
                    return app;
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Cors.cs", """
            public static class CorsSetup
            {
                public static void UseAppCors(this WebApplication app)
                {
                    {|#0:app.UseCors();|}
                }
            }
            """));
        test.ExpectedDiagnostics.Add(After("UseAuthorization", AuthConsequence));
        await test.RunAsync();
    }

    [Fact]
    public async Task DiscardedResults_ReportsOnTheStatementWithSlot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            builder.Services.AddControllers();
            var app = builder.Build();
            {|#2:_ = app.UseAuthentication();|}
            {|#1:_ = app.UseAuthorization();|}
            {|#0:_ = app.UseCors();|}
            _ = app.MapControllers();
            app.Run();
            """, After("UseAuthorization", AuthConsequence));
    }

    [Fact]
    public async Task ChainedCalls_ReportsWithoutMoveSlot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) =>
                    app.UseRouting().{|#1:UseAuthorization()|}.{|#0:UseCors()|};
            }
            """, VerifyCS.Diagnostic(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithArguments("UseAuthorization", AuthConsequence));
    }

    [Theory]
    [InlineData("app.UseRouting(); app.UseCors(); app.UseAuthentication(); app.UseAuthorization(); app.MapGet(\"/\", () => \"ok\").RequireCors(\"A\");")]
    [InlineData("app.UseRouting(); app.UseAuthentication(); app.UseCors(); app.UseAuthorization(); app.MapGet(\"/\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();")]
    [InlineData("app.UseAuthentication(); app.UseCors(); app.UseAuthorization(); app.MapGet(\"/\", () => \"ok\").RequireAuthorization();")]
    [InlineData("app.UseCors(); app.UseRouting(); app.UseAuthorization(); app.MapGet(\"/\", () => \"ok\");")]
    [InlineData("app.MapGet(\"/\", () => \"ok\"); app.UseCors();")]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseAuthorization(); } app.UseCors();")]
    [InlineData("app.UseCors(); app.UseStaticFiles(); app.UseAuthorization();")]
    [InlineData("app.UseMyAuth(); app.UseCors();")]
    public async Task CorrectOrderOrNotOnEveryPath_NoDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://app.contoso.com")));
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{pipeline}}
            app.Run();

            static class MyAuth
            {
                // A user method that only shares the name with the framework's middleware.
                public static void UseMyAuth(this IApplicationBuilder app) { }

                public static void UseAuthorization(this string text) { }
            }
            """);
    }

    [Fact]
    public async Task UseCorsInMain_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
                    var app = builder.Build();
                    {|#1:{|#2:app.UseAuthorization();|}|}
                    {|#0:app.UseCors();|}
                    await app.RunAsync();
                }
            }
            """, After("UseAuthorization", AuthConsequence));
    }
}
