using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Header = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.HeaderRules>;
using Pipeline = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;
using Policy = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// The per-tree gate: bodies of a file without any name a rule reads are not analyzed. Files whose findings or
/// registrations come from other files keep them.
/// </summary>
public sealed class TreeGateTests
{
    private const string AuthConsequence = "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers";

    [Theory]
    [InlineData("public sealed record Order(int Id, string Customer, decimal Total);")]
    [InlineData("class Repository { readonly Dictionary<int, string> _items = new(); public IEnumerable<string> All() => _items.Values.Where(v => v.EndsWith(\"example.org\")); }")]
    [InlineData("class Config { public string Control = \"Cache-Control\"; public string Access = \"Access\"; }")]
    [InlineData("")]
    public void DomainCode_DoesNotMatter(string source) =>
        Assert.False(CorsAnalyzers.Model.CorsSourceMarkers.TextMayMatter(SourceText.From(source), default));

    [Theory]
    [InlineData("context.Response.Headers[Names.AllowAll] = \"*\";")]
    [InlineData("static void Configure(IApplicationBuilder app) { }")]
    [InlineData("var app = WebApplication.CreateBuilder(args).Build();")]
    [InlineData("builder.Services.AddMine();")]
    [InlineData("static IServiceCollection AddMine(this IServiceCollection s) => s;")]
    [InlineData("[Authorize] class Orders { }")]
    [InlineData("o.FallbackPolicy = p;")]
    [InlineData("hook(p => p.WithOrigins(\"https://a.com\"));")]
    [InlineData("hook(p => p.AllowCredentials());")]
    [InlineData("hook(p => p.WithMethods(\"GET,POST\"));")]
    [InlineData("hook(p => p.SetPreflightMaxAge(TimeSpan.FromDays(1)));")]
    [InlineData("public static async Task Main(string[] args) { }")]
    [InlineData("endpoints.MapHub<ChatHub>(\"/chat\");")]
    public void CodeARuleReads_Matters(string source) =>
        Assert.True(CorsAnalyzers.Model.CorsSourceMarkers.TextMayMatter(SourceText.From(source), default));

    [Fact]
    public async Task HeaderNameConstantInAnotherFile_ReportsDiagnostic()
    {
        var test = new Header.Test("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", (HttpContext context) =>
            {
                {|#0:context.Response.Headers[ResponseNames.AllowAll] = "*"|};
                return "ok";
            });
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/ResponseNames.cs", """
            public static class ResponseNames
            {
                public const string AllowAll = "Access-Control-Allow-Origin";
            }
            """));
        test.ExpectedDiagnostics.Add(Header.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatementsNamingNothing_KeepTheirPipeline()
    {
        // The root names no CORS, app or service type: the app comes from a factory, the middleware from helpers in other files.
        var test = new Pipeline.Test("""
            var app = AppFactory.Create(args);
            app.UseAppSecurity();
            app.UseAppSharing();
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/AppFactory.cs", """
            public static class AppFactory
            {
                public static WebApplication Create(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
                    builder.Services.AddAuthorization();
                    return builder.Build();
                }
            }
            """));
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
                public static void UseAppSharing(this WebApplication app)
                {
                    {|#0:app.UseCors();|}
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Pipeline.Diagnostic(DiagnosticDescriptors.MisplacedUseCors).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("UseAuthorization", AuthConsequence));
        await test.RunAsync();
    }

    [Fact]
    public async Task StartupClassInItsOwnFile_GivesTheSlot()
    {
        var test = new Pipeline.Test("""
            Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            """);
        test.TestState.Sources.Add(("/0/Startup.cs", """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    {|#1:app.UseRouting();|}
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """));
        test.TestState.Sources.Add(("/0/OrdersController.cs", """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [{|#0:EnableCors("spa")|}]
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """));
        test.ExpectedDiagnostics.Add(Pipeline.Diagnostic(DiagnosticIds.CorsNeverApplied).WithLocation(0).WithLocation(1).WithArguments("[EnableCors] is used"));
        test.ExpectedDiagnostics.Add(Pipeline.Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments("No CORS policy named 'spa' is added (no named policy is added)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ServicesRegisteredInAnotherFile_NoDiagnostic()
    {
        var test = new Pipeline.Test("""
            var builder = WebApplication.CreateBuilder(args);
            Registrations.AddAll(builder.Services);
            var app = builder.Build();
            app.UseCors(p => p.WithOrigins("https://app.contoso.com"));
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Registrations.cs", """
            public static class Registrations
            {
                public static void AddAll(IServiceCollection s) => s.AddControllers();
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task PolicyLambdaInAFileNamingNoCorsType_ReportsDiagnostic()
    {
        var test = new Policy.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => PolicyHooks.Register(o, Tenants.Configure));
            var app = builder.Build();
            app.UseCors("tenants");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/PolicyHooks.cs", """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public delegate void PolicyHook(Action<CorsPolicyBuilder> configure);

            public static class PolicyHooks
            {
                public static void Register(CorsOptions options, Action<PolicyHook> hooks) =>
                    hooks(configure => options.AddPolicy("tenants", configure));
            }
            """));
        test.TestState.Sources.Add(("/0/Tenants.cs", """
            public static class Tenants
            {
                public static void Configure(PolicyHook hook) => hook(p => p.WithOrigins({|#0:"https://tenants.contoso.com/"|}));
            }
            """));
        test.ExpectedDiagnostics.Add(TrailingSlash(0, "https://tenants.contoso.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PolicyInAFieldInitializer_IsAnalyzed()
    {
        var test = new Policy.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", SharingPolicies.Spa));
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/SharingPolicies.cs", """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class SharingPolicies
            {
                public static readonly Action<CorsPolicyBuilder> Spa = p => p.WithOrigins({|#0:"https://spa.contoso.com/"|});
            }
            """));
        test.ExpectedDiagnostics.Add(TrailingSlash(0, "https://spa.contoso.com"));
        await test.RunAsync();
    }

    /// <summary>
    /// What the editor asks for after an edit inside one member: only that member's span is analyzed. A finding the policy
    /// callback reports on a later statement of the same member must be in that answer (a local diagnostic), whatever file
    /// of the type the member is in, and in top-level statements too.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task FindingOnAnotherStatementOfTheMember_IsInTheMembersSpanAnalysis(bool topLevel, bool inNamespace)
    {
        var sharing = topLevel
            ? """
                using Microsoft.AspNetCore.Cors.Infrastructure;

                var policy = new CorsPolicyBuilder();
                policy.AllowAnyOrigin();
                policy.AllowCredentials();
                Console.WriteLine(policy.Build());

                public static partial class Sharing
                {
                }
                """
            : (inNamespace ? "namespace Shop.Web;\n" : "") + """
                using Microsoft.AspNetCore.Cors.Infrastructure;

                public static partial class Sharing
                {
                    public static CorsPolicy Build()
                    {
                        var policy = new CorsPolicyBuilder();
                        policy.AllowAnyOrigin();
                        policy.AllowCredentials();
                        return policy.Build();
                    }
                }
                """;
        var domain = (inNamespace ? "namespace Shop.Web;\n" : "") + """
            public static partial class Sharing
            {
                public static int Count(IEnumerable<string> names) => names.Count();
            }
            """;
        var compilation = await TestCompilations.CreateAsync(new[] { domain, sharing });
        var analyzers = TestCompilations.AllAnalyzers.ToImmutableArray();
        var whole = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var expected = Assert.Single(whole, d => d.Id == DiagnosticIds.AnyOriginWithCredentials);

        var tree = compilation.SyntaxTrees.Single(t => t.GetText().ToString() == sharing);
        var root = await tree.GetRootAsync();
        SyntaxNode member = topLevel ? root : root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), member.Span, analyzers, default);

        // Local diagnostics are the semantic diagnostics of the tree; a non-local one would be a compilation diagnostic,
        // which the editor does not show after a member edit.
        var local = result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer) ? byAnalyzer.Values.SelectMany(d => d) : [];
        var found = Assert.Single(local, d => d.Id == DiagnosticIds.AnyOriginWithCredentials);
        Assert.Equal(expected.Location, found.Location);
        Assert.True(member.Span.Contains(found.Location.SourceSpan));
    }

    /// <summary>The policies below are built inside the types, so each body's own callbacks must find them.</summary>
    private const string ProgramAddingPolicies = """
        var builder = WebApplication.CreateBuilder(args);
        Shop.Web.Sharing.Add(builder.Services);
        var app = builder.Build();
        app.UseCors("spa");
        app.Run();
        """;

    [Fact]
    public async Task PartialTypeWithAPartInADomainFile_AnalyzesThePartThatMatters()
    {
        var test = new Policy.Test(ProgramAddingPolicies);
        test.TestState.Sources.Add(("/0/Sharing.Domain.cs", """
            namespace Shop.Web;

            public static partial class Sharing
            {
                public static int Count(IEnumerable<string> names) => names.Count(n => n.EndsWith("example.org"));
            }
            """));
        test.TestState.Sources.Add(("/0/Sharing.Cors.cs", """
            namespace Shop.Web;

            public static partial class Sharing
            {
                public static void Add(IServiceCollection services) =>
                    services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins({|#0:"https://shop.contoso.com/"|})));
            }
            """));
        test.ExpectedDiagnostics.Add(TrailingSlash(0, "https://shop.contoso.com"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("namespace Shop.Web;")]
    [InlineData("")]
    public async Task NestedTypeAndNestedNamespace_AreAnalyzedOnce(string domainNamespace)
    {
        var test = new Policy.Test(ProgramAddingPolicies);
        test.TestState.Sources.Add(("/0/Orders.cs", domainNamespace + """

            public sealed class Orders
            {
                public int Count(IEnumerable<string> names) => names.Count(n => n.EndsWith("example.org"));
            }
            """));
        test.TestState.Sources.Add(("/0/Sharing.cs", """
            namespace Shop.Web
            {
                public static class Sharing
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins({|#0:"https://shop.contoso.com/"|})));
                        Partners.Add(services);
                        Admin.AdminSharing.Add(services);
                    }

                    private static class Partners
                    {
                        public static void Add(IServiceCollection services) =>
                            services.AddCors(o => o.AddPolicy("partners", p => p.WithOrigins({|#1:"https://partners.contoso.com/"|})));
                    }
                }

                namespace Admin
                {
                    public static class AdminSharing
                    {
                        public static void Add(IServiceCollection services) =>
                            services.AddCors(o => o.AddPolicy("admin", p => p.WithOrigins({|#2:"https://admin.contoso.com/"|})));
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(TrailingSlash(0, "https://shop.contoso.com"));
        test.ExpectedDiagnostics.Add(TrailingSlash(1, "https://partners.contoso.com"));
        test.ExpectedDiagnostics.Add(TrailingSlash(2, "https://admin.contoso.com"));
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult TrailingSlash(int location, string origin) =>
        Policy.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(location)
            .WithArguments(origin + "/", $"browsers send origins without a trailing slash; use '{origin}'");
}
