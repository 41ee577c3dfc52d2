using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// CORS010, CORS011 and CORS013 on compilations that lack a package reference (ABP, gRPC, a service-defaults project):
/// a CORS call that does not bind, or a call that does not bind and gets the services or the app, may be the very
/// registration, middleware or policy the rule would call missing.
/// </summary>
public sealed class CORS010to013UnboundCallTests
{
    private const string AbpModule = """
        using Volo.Abp.Modularity;

        public class ApiHostModule : AbpModule
        {
            public override void ConfigureServices(ServiceConfigurationContext context)
            {
                var configuration = context.Services.GetConfiguration();
                context.Services.AddCors(options =>
                {
                    options.AddDefaultPolicy(policy => policy
                        .WithOrigins(configuration["App:CorsOrigins"]!.Split(',', StringSplitOptions.TrimEntries))
                        .AllowCredentials());
                });
            }

            public override void OnApplicationInitialization(ApplicationInitializationContext context)
            {
                IApplicationBuilder app = context.GetApplicationBuilder();
                app.UseRouting();
                app.UseCors();
                app.UseAuthorization();
            }
        }
        """;

    [Theory]
    [InlineData("builder.Services.AddGlobalSettingsBridge();")]
    [InlineData("GlobalSettings.Bridge(builder.Services);")]
    [InlineData("builder.AddServiceDefaults();")]
    [InlineData("builder.Host.UseModules();")]
    [InlineData("builder.WebHost.UseModules();")]
    [InlineData("builder.Host.ConfigureServices((context, services) => { services.AddMissingApiServices(context.Configuration); });")]
    [InlineData("builder.Services.AddCors(MissingCors.Configure).AddMissingExtras();")]
    [InlineData("builder.Host.ConfigureServices((context, services) => context.Services.AddCors());")]
    public async Task ServicesGoIntoCodeThatDoesNotBind_NoCORS010(string services)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.UseCorsWithoutServices);
    }

    [Fact]
    public async Task AbpModuleOnUnresolvedPackage_NoDiagnostic()
    {
        var diagnostics = await AnalyzeAsync(AbpModule, "var app = WebApplication.Create(args); app.Run();");
        Assert.DoesNotContain(diagnostics, static d => d.Id is DiagnosticIds.UseCorsWithoutServices or DiagnosticIds.CorsNeverApplied or DiagnosticIds.UnknownPolicyName);
    }

    [Theory]
    [InlineData("var settings = new MissingSettings(); MissingTelemetry.Start(args);")]
    [InlineData("builder.Configuration.AddMissingVault();")]
    [InlineData("builder.Logging.AddMissingSink();")]
    [InlineData("builder.Services.AddMissingCorsHelper = 1;")]
    public async Task BrokenCodeThatCannotRegisterCors_ReportsCORS010(string services)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.UseCorsWithoutServices);
    }

    [Theory]
    [InlineData("MissingHost.App.UseCors(\"web\");")]
    [InlineData("app.UseMissingPlatform();")]
    [InlineData("MissingPlatform.Use(app);")]
    [InlineData("app.MapMissingEndpoints().UseCors();")]
    public async Task PipelineGoesIntoCodeThatDoesNotBind_NoCORS011(string pipeline)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{pipeline}}
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.CorsNeverApplied);
    }

    [Theory]
    [InlineData("builder.Services.AddMissingApiServices();")]
    [InlineData("var settings = new MissingSettings();")]
    public async Task OnlyServicesGoIntoCodeThatDoesNotBind_ReportsCORS011(string services)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins("https://app.contoso.com")));
            {{services}}
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.CorsNeverApplied);
    }

    [Theory]
    [InlineData("app.MapGrpcService<GreeterService>().RequireCors(\"grpc\");")]
    [InlineData("app.MapGet(\"/x\", () => \"ok\").RequireCors(MissingPolicies.Grpc);")]
    [InlineData("app.UseCors(MissingPolicies.Grpc);")]
    [InlineData("builder.Services.AddMissingPolicies();")]
    [InlineData("app.MapMissingEndpoints();")]
    public async Task PolicyNamedInCodeThatDoesNotBind_NoCORS013(string code)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("grpc", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{code}}
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.UnknownPolicyName);
    }

    [Fact]
    public async Task UnboundEnableCorsAttribute_NoCORS013()
    {
        // The attribute's file lacks the using: [EnableCors("grpc")] does not bind, yet it is the endpoint that names the policy.
        var diagnostics = await AnalyzeAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("grpc", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.Run();
            """,
            """
            namespace Api;

            [EnableCors("grpc")]
            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
            }
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.UnknownPolicyName);
    }

    [Theory]
    [InlineData("app.MapMissingEndpoints();")]
    [InlineData("var settings = new MissingSettings();")]
    public async Task MisspelledConstantNameBesideCodeThatDoesNotBind_ReportsCORS013(string code)
    {
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("grpc", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{code}}
            app.UseCors("Grpc");
            app.MapGet("/", () => "ok");
            app.Run();
            """);
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.UnknownPolicyName);
    }

    [Fact]
    public async Task RequireCorsWithNameKnownOnlyAtRunTime_NoCORS013()
    {
        // Binds: the name is a value, so UseCors() has an endpoint that names a policy.
        await CSharpAnalyzerVerifier<PipelineRules>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("grpc", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "ok").RequireCors(builder.Configuration["Cors:Policy"]!);
            app.Run();
            """);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(params string[] sources)
    {
        var compilation = await TestCompilations.CreateAsync(sources);
        Assert.Contains(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new PipelineRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
