using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS006InsecureOriginWithCredentialsTests
{
    [Theory]
    [InlineData("http://app.contoso.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("HTTP://intranet")]
    public async Task HttpOriginWithCredentials_ReportsDiagnostic(string origin)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com", {|#0:"{{origin}}"|}).{|#1:AllowCredentials()|}));
            """, VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(0).WithLocation(1).WithArguments(origin));
    }

    [Fact]
    public async Task HttpOriginFromConstantWithCredentials_ReportsAtConstant()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#1:WithOrigins(Origins.Legacy)|}.AllowCredentials());

            static class Origins
            {
                public const string Legacy = {|#0:"http://legacy.contoso.com"|};
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(0).WithLocation(1).WithArguments("http://legacy.contoso.com"));
    }

    [Theory]
    [InlineData("p.WithOrigins(\"http://localhost:5173\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"http://127.0.0.1:4200\", \"http://[::1]:3000\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"http://app.localhost:5173\", \"http://LOCALHOST:4200\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"http://app.contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"http://app.contoso.com\").AllowCredentials().DisallowCredentials()")]
    public async Task SecureOrLoopbackOrNoCredentials_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => {{policy}}));
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseCors(p => p.WithOrigins("http://devbox.contoso.local:8080").AllowCredentials());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_ReportInDevelopment_ReportsDiagnostic()
    {
        var test = new VerifyCS.Test("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseCors(p => p.WithOrigins({|#0:"http://devbox.contoso.local"|}).{|#1:AllowCredentials()|});
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[*.cs]\ncors_analyzers.report_in_development = true\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(0).WithLocation(1).WithArguments("http://devbox.contoso.local"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("http://192.168.*.*:*")]
    [InlineData("http://intranet.*.contoso.com")]
    [InlineData("http://*.lan.contoso.com:*")]
    [InlineData("http://*.*.contoso.com")]
    [InlineData("http://10.0.0.*")]
    public async Task MisplacedWildcardWithCredentials_NoCORS003CORS005CORS006(string origin)
    {
        // The '*' is compared literally: the origin matches no request and sends credentials nowhere (only CORS007 may apply).
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com", "{{origin}}").SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()));
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id is DiagnosticIds.InsecureOriginWithCredentials or DiagnosticIds.AnyOrigin or DiagnosticIds.NullOriginTrusted);
    }

    [Theory]
    [InlineData("http://app.contoso.com/")]
    [InlineData("http://app.contoso.com:80")]
    [InlineData("http://app.contoso.com/login")]
    [InlineData("http:app.contoso.com")]
    [InlineData("http://a.contoso.com,http://b.contoso.com")]
    public async Task NeverMatchingHttpOriginWithCredentials_OnlyCORS007(string origin)
    {
        // No request carries this spelling: it sends credentials nowhere until CORS007's rewrite, whose title says so.
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com", "{{origin}}").AllowCredentials()));
            """);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.InsecureOriginWithCredentials);
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.OriginNeverMatches);
    }

    [Theory]
    [InlineData("http://*.contoso.com")]
    [InlineData("http://10.0.0.5:8080")]
    public async Task HttpOriginBesideMisplacedWildcard_StillReported(string origin)
    {
        // A leading "*." label is a real wildcard subdomain with SetIsOriginAllowedToAllowWildcardSubdomains().
        var diagnostics = await AnalyzeAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("http://192.168.*.*:*", "{{origin}}").SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()));
            """);
        var finding = Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.InsecureOriginWithCredentials);
        Assert.Contains(origin, finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new PolicyRules() });
        Assert.Empty(exceptions);
        return System.Linq.Enumerable.ToArray(diagnostics);
    }
}
