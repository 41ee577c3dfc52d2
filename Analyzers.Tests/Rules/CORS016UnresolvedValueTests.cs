using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS016 when the written value refers to code the compilation cannot see: the header name is enough.</summary>
public sealed class CORS016UnresolvedValueTests
{
    private static string Middleware(string write) => $$"""
        using Microsoft.Net.Http.Headers;

        var app = WebApplication.Create(args);
        app.Use(async (context, next) =>
        {
            {{write}};
            await next();
        });
        app.Run();
        """;

    [Theory]
    [InlineData("context.Response.Headers.Add(\"Access-Control-Allow-Origin\", CorsSettings.Origin)")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", new OriginProvider().Get(context))")]
    [InlineData("context.Response.Headers.TryAdd(HeaderNames.AccessControlAllowMethods, AllowedMethods.Joined)")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Origin\"] = CorsSettings.Origin")]
    [InlineData("context.Response.Headers.AccessControlAllowOrigin = CorsSettings.Origin")]
    public async Task CorsHeaderWithUnresolvedValue_ReportsDiagnostic(string write)
    {
        var diagnostics = await AnalyzeAsync(Middleware(write));
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        Assert.DoesNotContain(diagnostics, static d => d.Id is DiagnosticIds.RequestOriginReflected or DiagnosticIds.WildcardOriginWithCredentialsHeader);
    }

    [Theory]
    [InlineData("context.Response.Headers.Add(\"X-Correlation-Id\", CorsSettings.Origin)")]
    [InlineData("context.Response.Headers.Add(CorsSettings.HeaderName, \"*\")")]
    [InlineData("context.Request.Headers.Append(\"Access-Control-Allow-Origin\", CorsSettings.Origin)")]
    [InlineData("UnknownHeaders.Add(\"Access-Control-Allow-Origin\", CorsSettings.Origin)")]
    [InlineData("context.Response.Cookies.Append(\"Access-Control-Allow-Origin\", CorsSettings.Origin)")]
    public async Task NotACorsResponseHeaderOrUnknownTarget_NoDiagnostic(string write)
    {
        var diagnostics = await AnalyzeAsync(Middleware(write));
        Assert.Empty(diagnostics);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        Assert.Contains(compilation.GetDiagnostics(), static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
