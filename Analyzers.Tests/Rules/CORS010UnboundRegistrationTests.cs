using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS010 on code that does not bind: a registering call that exists but binds with errors may register CORS.</summary>
public sealed class CORS010UnboundRegistrationTests
{
    private static string App(string services) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{services}}
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Theory]
    [InlineData("builder.Services.AddControllers(options => options.Filters.Add(new FilterFromAnotherProject()));")]
    [InlineData("builder.Services.AddControllers(options => options.Filters.Add<FilterFromAnotherProject>());")]
    [InlineData("builder.Services.AddControllersWithViews(options => options.Conventions.Add(new MissingConvention()));")]
    [InlineData("builder.Services.AddMvc(options => { options.ModelBinderProviders.Insert(0, new MissingBinderProvider()); });")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"web\", p => p.WithOrigins(MissingSettings.Origins)));")]
    [InlineData("builder.Services.AddCors(options => { options.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\")); MissingHelper.Configure(options); });")]
    [InlineData("builder.Services.AddCors(MissingSettings.Configure);")]
    [InlineData("builder.Services.AddControllers(MissingSettings.Mvc).AddNewtonsoftJson();")]
    public async Task RegistrationThatBindsWithErrors_NoDiagnostic(string services)
    {
        var diagnostics = await AnalyzeAsync(App(services));
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.UseCorsWithoutServices);
    }

    [Theory]
    [InlineData("builder.Services.AddRazorPages(options => options.Conventions.Add(new MissingConvention()));")]
    [InlineData("var settings = new MissingSettings(); builder.Services.AddRouting();")]
    [InlineData("builder.Services.AddMvcCore(options => options.Filters.Add(new FilterFromAnotherProject()));")]
    public async Task NoRegisteringCallAmongBrokenCode_ReportsDiagnostic(string services)
    {
        var diagnostics = await AnalyzeAsync(App(services));
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.UseCorsWithoutServices);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        Assert.Contains(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.PipelineRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
