using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS018 with header values given as arrays, collection expressions or StringValues.</summary>
public sealed class CORS018HeaderValueTests
{
    private static string Middleware(string origin, string credentials) => $$"""
        using Microsoft.Extensions.Primitives;

        var app = WebApplication.Create(args);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.Add("Access-Control-Allow-Origin", {{origin}});
            headers.Add("Access-Control-Allow-Credentials", {{credentials}});
            await next();
        });
        app.Run();

        partial class Program
        {
            private static readonly string Any = "*";
            private static string Configured = "https://app.contoso.com";
        }
        """;

    [Theory]
    [InlineData("new[] { \"*\" }", "new[] { \"true\" }")]
    [InlineData("new string[] { \"*\" }", "\"true\"")]
    [InlineData("new StringValues(\"*\")", "new StringValues(new[] { \"true\" })")]
    [InlineData("new StringValues([\"*\"])", "(StringValues)\"true\"")]
    [InlineData("(StringValues)Any", "new StringValues([\"true\"])")]
    public async Task WildcardWithCredentialsAsArraysOrStringValues_ReportsDiagnostic(string origin, string credentials)
    {
        var diagnostics = await AnalyzeAsync(Middleware(origin, credentials));
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.WildcardOriginWithCredentialsHeader);
    }

    [Theory]
    [InlineData("new[] { \"https://app.contoso.com\" }", "new[] { \"true\" }")]
    [InlineData("new[] { \"*\", \"https://app.contoso.com\" }", "new[] { \"true\" }")]
    [InlineData("new[] { \"*\" }", "new[] { \"false\" }")]
    [InlineData("new[] { Configured }", "new[] { \"true\" }")]
    [InlineData("new StringValues(new string[1])", "new StringValues(\"true\")")]
    [InlineData("new[] { \"*\" }", "StringValues.Empty")]
    public async Task NotWildcardWithCredentials_NoDiagnostic(string origin, string credentials)
    {
        var diagnostics = await AnalyzeAsync(Middleware(origin, credentials));
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.WildcardOriginWithCredentialsHeader);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        Assert.DoesNotContain(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
