using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS013 and CORS014 with policy names held in locals and readonly fields: known when assigned once from a constant.</summary>
public sealed class CORS013PolicyNameValueTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Unknown(string message) =>
        VerifyCS.Diagnostic(DiagnosticIds.UnknownPolicyName).WithLocation(0).WithArguments(message);

    private static string Minimal(string declarations, string policies, string pipeline) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{declarations}}
        builder.Services.AddCors(options =>
        {
            {{policies}}
        });
        var app = builder.Build();
        {{pipeline}}
        app.MapGet("/", () => "ok");
        app.Run();

        partial class Program
        {
            private static readonly string SpaPolicy = "spa";
            private static readonly string Reassigned = "spa";

            static Program() => Reassigned = Environment.GetEnvironmentVariable("POLICY") ?? "spa";
        }
        """;

    [Fact]
    public async Task DocumentedLocalPatternWithMistypedUseCors_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Minimal(
                "var MyAllowSpecificOrigins = \"_myAllowSpecificOrigins\";",
                "options.AddPolicy(name: MyAllowSpecificOrigins, policy => policy.WithOrigins(\"https://app.contoso.com\"));",
                "app.{|#0:UseCors(\"_myAllowSpecificOrigin\")|};"),
            Unknown("No CORS policy named '_myAllowSpecificOrigin' is added (added: '_myAllowSpecificOrigins')"));
    }

    [Theory]
    [InlineData("var policy = \"web\";", "options.AddPolicy(SpaPolicy, p => p.WithOrigins(\"https://a.com\"));", "app.{|#0:UseCors(policy)|};", "web", "spa")]
    [InlineData("string first = \"spa\"; var second = first;", "options.AddPolicy(second, p => p.WithOrigins(\"https://a.com\"));", "app.{|#0:UseCors(\"Spa\")|};", "Spa", "spa")]
    [InlineData("", "options.AddPolicy(SpaPolicy, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(); app.MapGet(\"/x\", () => \"\").{|#0:RequireCors(\"web\")|};", "web", "spa")]
    public async Task NameKnownThroughLocalOrStaticReadonlyField_ReportsDiagnostic(string declarations, string policies, string pipeline, string name, string added)
    {
        await VerifyCS.VerifyAnalyzerAsync(Minimal(declarations, policies, pipeline), Unknown($"No CORS policy named '{name}' is added (added: '{added}')"));
    }

    [Fact]
    public async Task StartupReadonlyFieldWithMistypedUseCors_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                readonly string MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddPolicy(MyAllowSpecificOrigins, p => p.WithOrigins("https://app.contoso.com")));
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#0:UseCors("_myAllowedSpecificOrigins")|};
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            public static class Program
            {
                public static void Main(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup<Startup>()).Build().Run();
            }
            """, Unknown("No CORS policy named '_myAllowedSpecificOrigins' is added (added: '_myAllowSpecificOrigins')"));
    }

    [Theory]
    [InlineData("var name = \"spa\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(name);")]
    [InlineData("var name = \"spa\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"spa\");")]
    [InlineData("var name = \"spa\"; if (args.Length > 0) name = \"web\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"web\");")]
    [InlineData("var name = \"spa\"; name += \"-v2\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"spa-v2\");")]
    [InlineData("var name = \"spa\"; Rename(ref name); static void Rename(ref string n) => n = \"web\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"web\");")]
    [InlineData("var name = \"spa\"; Action rename = () => name = \"web\"; rename();", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"web\");")]
    [InlineData("string name; if (args.Length > 0) name = \"spa\"; else name = \"web\";", "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"web\");")]
    [InlineData("", "options.AddPolicy(Reassigned, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(\"web\");")]
    [InlineData("var policy = \"spa\"; if (args.Length > 0) policy = \"web\";", "options.AddPolicy(SpaPolicy, p => p.WithOrigins(\"https://a.com\"));", "app.UseCors(policy);")]
    public async Task KnownAndMatchingOrWrittenOnSomePath_NoDiagnostic(string declarations, string policies, string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(Minimal(declarations, policies, pipeline));
    }

    [Fact]
    public async Task ReadonlyFieldWrittenByConstructor_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                readonly string PolicyName = "_default";

                public Startup(IConfiguration configuration) => this.PolicyName = configuration["Cors:Policy"] ?? "_default";

                public void ConfigureServices(IServiceCollection services) =>
                    services.AddCors(options => options.AddPolicy(PolicyName, p => p.WithOrigins("https://app.contoso.com")));

                public void Configure(IApplicationBuilder app) => app.UseCors("web");
            }

            public static class Program
            {
                public static void Main(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup<Startup>()).Build().Run();
            }
            """);
    }

    [Theory]
    [InlineData("var first = \"spa\"; var second = \"spa\";", "options.{|#1:AddPolicy(first, p => p.WithOrigins(\"https://a.com\"))|}; options.{|#0:AddPolicy(second, p => p.WithOrigins(\"https://b.com\"))|};")]
    [InlineData("var name = \"spa\";", "options.{|#1:AddPolicy(SpaPolicy, p => p.WithOrigins(\"https://a.com\"))|}; options.{|#0:AddPolicy(name, p => p.WithOrigins(\"https://b.com\"))|};")]
    public async Task SameKnownNameTwice_ReportsPolicyAddedTwice(string declarations, string policies)
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Minimal(declarations, policies, "app.UseCors(\"spa\");"),
            VerifyCS.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments("Policy 'spa'"));
    }

    [Fact]
    public async Task NameFromCodeThatDoesNotBind_NoDiagnosticAndNoException()
    {
        var source = Minimal(
            "var name = Settings.PolicyName; var other = \"spa\"; Settings.Use(ref other);",
            "options.AddPolicy(name, p => p.WithOrigins(\"https://a.com\")); options.AddPolicy(other, p => p.WithOrigins(\"https://a.com\"));",
            "app.UseCors(\"spa\");");
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        Assert.Contains(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.PipelineRules() });
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, static d => d.Id is DiagnosticIds.UnknownPolicyName or DiagnosticIds.PolicyAddedTwice);
    }
}
