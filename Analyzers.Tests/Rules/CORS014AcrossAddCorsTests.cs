using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS014 across AddCors calls: every AddCors on the same services configures the same CorsOptions.</summary>
public sealed class CORS014AcrossAddCorsTests
{
    private static string App(string services) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{services}}
        var app = builder.Build();
        app.UseCors("web");
        app.Run();
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult AddedTwice(string what) =>
        VerifyCS.Diagnostic(DiagnosticIds.PolicyAddedTwice).WithLocation(0).WithLocation(1).WithArguments(what);

    [Theory]
    [InlineData("builder.Services.AddCors(o => o.{|#1:AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))|}); builder.Services.AddCors(options => options.{|#0:AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\"))|});")]
    [InlineData("builder.Services.AddCors(o => { o.{|#1:AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))|}; }); builder.Services.AddControllers(); builder.Services.AddCors(o => { o.AddPolicy(\"admin\", p => p.WithOrigins(\"https://c.com\")); o.{|#0:AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\"))|}; });")]
    [InlineData("var services = builder.Services; services.AddCors(o => o.{|#1:AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))|}); services.AddCors(o => o.{|#0:AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\"))|});")]
    public async Task SameNameInTwoAddCorsCalls_ReportsOnSecond(string services)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(services), AddedTwice("Policy 'web'"));
    }

    [Fact]
    public async Task DefaultPolicyInTwoAddCorsCallsOfStartup_ReportsOnSecond()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(o => o.{|#1:AddDefaultPolicy(p => p.WithOrigins("https://a.com"))|});
                    services.AddCors(o => o.{|#0:AddDefaultPolicy(p => p.WithOrigins("https://b.com"))|});
                }
            }
            """, AddedTwice("A default policy"));
    }

    [Theory]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); builder.Services.AddCors(o => o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://b.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); if (args.Length > 0) { builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\"))); }")]
    [InlineData("if (builder.Environment.IsDevelopment()) builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); else builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); builder.Services.AddCors(o => { if (args.Length > 0) o.AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\")); });")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); new ServiceCollection().AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://b.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://a.com\"))); builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://b.com\")));")]
    public async Task DistinctConditionalOrOtherServices_NoDiagnostic(string services)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(services));
    }
}
