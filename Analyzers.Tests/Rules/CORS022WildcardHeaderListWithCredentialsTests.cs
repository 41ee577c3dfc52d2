using System.Linq;
using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS022WildcardHeaderListWithCredentialsTests
{
    private const string NoHeaderReadable = "the page can read no response header beyond the CORS-safelisted ones";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Wildcard(string consequence = NoHeaderReadable) =>
        VerifyCS.Diagnostic(DiagnosticDescriptors.WildcardHeaderListWithCredentials).WithLocation(0).WithLocation(1).WithArguments(consequence);

    [Theory]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").{|#0:WithExposedHeaders(\"*\")|}.{|#1:AllowCredentials()|}")]
    [InlineData("p.{|#1:AllowCredentials()|}.WithOrigins(\"https://app.contoso.com\").{|#0:WithExposedHeaders(Everything)|}")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").{|#0:WithExposedHeaders($\"{Everything}\")|}.{|#1:AllowCredentials()|}")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").{|#0:WithExposedHeaders([\"*\"])|}.{|#1:AllowCredentials()|}")]
    public async Task ExposedWildcardWithCredentials_ReportsDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => {{policy}}));

            partial class Program
            {
                private const string Everything = "*";
            }
            """, Wildcard());
    }

    [Fact]
    public async Task WildcardBesideNamedHeaders_ReportsOnlyNamedReadable()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p =>
            {
                p.WithOrigins("https://app.contoso.com").{|#1:AllowCredentials()|};
                p.WithExposedHeaders("X-Total-Count");
                p.{|#0:WithExposedHeaders("*", "X-Request-Id")|};
            });
            """, Wildcard("only the headers named beside it are readable"));
    }

    [Theory]
    // Echoed by the middleware: fine with credentials.
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod().AllowCredentials()")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").WithHeaders(\"*\").WithMethods(\"*\").AllowCredentials()")]
    // No credentials: '*' is the wildcard.
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").WithExposedHeaders(\"*\")")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").WithExposedHeaders(\"*\").AllowCredentials().DisallowCredentials()")]
    // Named headers only.
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").WithExposedHeaders(\"X-Total-Count\", \"X-Request-Id\").AllowCredentials()")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").WithExposedHeaders(Configured).AllowCredentials()")]
    public async Task EchoedOrNoCredentialsOrNamed_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => {{policy}}));

            partial class Program
            {
                private static string[] Configured = ["*"];
            }
            """);
    }

    [Fact]
    public async Task CredentialsOnOtherBranchOnly_ReportsOnThatPathOnly()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p =>
            {
                p.WithOrigins("https://app.contoso.com").{|#0:WithExposedHeaders("*")|};
                if (args.Length > 0)
                {
                    p.{|#1:AllowCredentials()|};
                }
            }));
            """, Wildcard());
    }

    [Fact]
    public async Task UserTypeWithSameMethodNames_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            new Headers().WithExposedHeaders("*").AllowCredentials();

            sealed class Headers
            {
                public Headers WithExposedHeaders(params string[] names) => this;

                public Headers AllowCredentials() => this;
            }
            """);
    }

    private static string Middleware(string header, string value, string credentials) => $$"""
        var app = WebApplication.Create(args);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
            context.Response.Headers["Access-Control-Allow-Credentials"] = {{credentials}};
            context.Response.Headers["{{header}}"] = {{value}};
            await next();
        });
        app.Run();
        """;

    [Theory]
    [InlineData("Access-Control-Expose-Headers", "\"*\"", "the page can read no response header beyond the CORS-safelisted ones")]
    [InlineData("Access-Control-Expose-Headers", "\"X-Total-Count, *\"", "only the headers named beside it are readable")]
    [InlineData("Access-Control-Allow-Headers", "\"*\"", "every preflight that asks for a request header (such as Content-Type: application/json or Authorization) fails")]
    [InlineData("Access-Control-Allow-Methods", "\"*\"", "every preflight for PUT, PATCH, DELETE or another non-simple method fails")]
    [InlineData("access-control-allow-methods", "\"GET, *\"", "preflights for any other method fail")]
    public async Task HandWrittenWildcardWithCredentials_ReportsDiagnostic(string header, string value, string consequence)
    {
        var diagnostics = await AnalyzeHeadersAsync(Middleware(header, value, "\"true\""));
        var finding = Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.WildcardHeaderListWithCredentials);
        Assert.Contains(consequence, finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("[\"" + header + "\"] = " + value, finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Contains("Access-Control-Allow-Credentials", finding.AdditionalLocations[0].SourceTree!.GetText().ToString(finding.AdditionalLocations[0].SourceSpan));
    }

    [Theory]
    [InlineData("Access-Control-Expose-Headers", "\"*\"", "\"false\"")]
    [InlineData("Access-Control-Allow-Headers", "\"Content-Type, Authorization\"", "\"true\"")]
    [InlineData("Access-Control-Allow-Methods", "\"GET, PUT\"", "\"true\"")]
    [InlineData("Access-Control-Allow-Headers", "context.Request.Headers[\"Access-Control-Request-Headers\"]", "\"true\"")]
    [InlineData("Access-Control-Max-Age", "\"*\"", "\"true\"")]
    public async Task HandWrittenNamedOrNoCredentials_NoDiagnostic(string header, string value, string credentials)
    {
        var diagnostics = await AnalyzeHeadersAsync(Middleware(header, value, credentials));
        Assert.Contains(diagnostics, static d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.WildcardHeaderListWithCredentials);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeHeadersAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        Assert.DoesNotContain(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
