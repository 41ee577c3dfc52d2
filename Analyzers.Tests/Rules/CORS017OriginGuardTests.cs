using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS017: which guards around an echoed origin are an allow-list check and which let every origin through.</summary>
public sealed class CORS017OriginGuardTests
{
    private static string Middleware(string body) => $$"""
        using Microsoft.Extensions.Primitives;

        var app = WebApplication.Create(args);
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers["Origin"].ToString();
            {{body}}
            await next();
        });
        app.Run();

        partial class Program
        {
            private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };
            private static string[] Configured = { "https://app.contoso.com" };
            private static bool IsOriginAllowed(string origin) => Allowed.Contains(origin);
        }
        """;

    private const string Write = "context.Response.Headers.Add(\"Access-Control-Allow-Origin\", origin);";

    [Theory]
    [InlineData("if (!string.IsNullOrEmpty(origin)) { " + Write + " }")]
    [InlineData("if (!string.IsNullOrWhiteSpace(origin)) " + Write)]
    [InlineData("if (origin != null) { " + Write + " }")]
    [InlineData("if (origin is not null && origin != \"\") { " + Write + " }")]
    [InlineData("if (origin is { Length: > 0 }) { " + Write + " }")]
    [InlineData("if (origin.Length > 0) { " + Write + " }")]
    [InlineData("if (origin != \"null\") { " + Write + " }")]
    [InlineData("if (!origin.Equals(\"null\", StringComparison.OrdinalIgnoreCase)) { " + Write + " }")]
    [InlineData("if (origin.StartsWith(\"http\")) { " + Write + " }")]
    [InlineData("if (origin.StartsWith(\"https://\", StringComparison.OrdinalIgnoreCase)) { " + Write + " }")]
    [InlineData("if (string.IsNullOrEmpty(origin)) { await next(); return; } " + Write)]
    [InlineData("if (context.Request.Headers.ContainsKey(\"Origin\")) { " + Write + " }")]
    [InlineData("if (!StringValues.IsNullOrEmpty(context.Request.Headers.Origin)) { context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin; }")]
    public async Task GuardThatAdmitsEveryOrigin_ReportsReflection(string body)
    {
        var diagnostics = await AnalyzeAsync(Middleware(body));
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.RequestOriginReflected);
    }

    [Theory]
    [InlineData("if (Allowed.Contains(origin)) { " + Write + " }")]
    [InlineData("if (!string.IsNullOrEmpty(origin) && Allowed.Contains(origin)) { " + Write + " }")]
    [InlineData("if (string.IsNullOrEmpty(origin) || !Allowed.Contains(origin)) { await next(); return; } " + Write)]
    [InlineData("if (Configured.Contains(origin, StringComparer.OrdinalIgnoreCase)) { " + Write + " }")]
    [InlineData("if (IsOriginAllowed(origin)) { " + Write + " }")]
    [InlineData("if (origin == \"https://app.contoso.com\") { " + Write + " }")]
    [InlineData("if (origin is \"https://app.contoso.com\" or \"https://admin.contoso.com\") { " + Write + " }")]
    [InlineData("if (origin.StartsWith(\"https://app.contoso.com\")) { " + Write + " }")]
    [InlineData("if (string.Equals(origin, Configured[0], StringComparison.OrdinalIgnoreCase)) { " + Write + " }")]
    public async Task RealAllowListCheck_NoReflection(string body)
    {
        var diagnostics = await AnalyzeAsync(Middleware(body));
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.RequestOriginReflected);
    }

    [Theory]
    [InlineData("if (UnknownPolicy.Allows(origin)) { " + Write + " }")]
    [InlineData("if (!string.IsNullOrEmpty(origin) && Checker.IsAllowed(origin)) { " + Write + " }")]
    public async Task GuardThatDoesNotBind_NoReflection(string body)
    {
        var diagnostics = await AnalyzeAsync(Middleware(body), allowErrors: true);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.RequestOriginReflected);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic[]> AnalyzeAsync(string source, bool allowErrors = false)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.Equal(allowErrors, errors.Count > 0);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
