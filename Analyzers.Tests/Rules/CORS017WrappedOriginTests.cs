using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS017: the request origin echoed wrapped or indexed (an array, StringValues, [0], a cast, a conditional).</summary>
public sealed class CORS017WrappedOriginTests
{
    private static string Middleware(string body) => $$"""
        using Microsoft.Extensions.Primitives;

        var app = WebApplication.Create(args);
        app.Use(async (context, next) =>
        {
            {{body}}
            await next();
        });
        app.Run();

        partial class Program
        {
            private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };
        }
        """;

    [Theory]
    [InlineData("context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { (string)context.Request.Headers[\"Origin\"] });")]
    [InlineData("context.Response.Headers.TryAdd(\"Access-Control-Allow-Origin\", new[] { context.Request.Headers[\"Origin\"].ToString() });")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Origin\"] = context.Request.Headers[\"Origin\"][0];")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", context.Request.Headers[\"Origin\"].First());")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", context.Request.Headers.Origin.LastOrDefault());")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", context.Request.Headers[\"Origin\"].Count == 0 ? \"*\" : context.Request.Headers[\"Origin\"][0]);")]
    [InlineData("var origin = context.Request.Headers[\"Origin\"][0]; context.Response.Headers.AccessControlAllowOrigin = new StringValues(origin);")]
    [InlineData("context.Response.Headers.AccessControlAllowOrigin = (string?)context.Request.Headers.Origin ?? \"*\";")]
    [InlineData("context.Response.Headers.AccessControlAllowOrigin = new string[] { context.Request.Headers.Origin[0]!, \"https://app.contoso.com\" };")]
    [InlineData("var values = context.Request.Headers[\"Origin\"]; if (values.Count > 0) { context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { values[0] }); }")]
    [InlineData("var origin = (string?)context.Request.Headers[\"Origin\"]; var allowOrigin = !string.IsNullOrWhiteSpace(origin) ? origin : \"*\"; context.Response.Headers.Append(\"Access-Control-Allow-Origin\", allowOrigin);")]
    public async Task WrappedOrIndexedOriginInMiddleware_ReportsReflection(string body)
    {
        var diagnostics = await AnalyzeAsync(Middleware(body));
        Assert.Single(diagnostics, static d => d.Id == DiagnosticIds.RequestOriginReflected);
    }

    [Fact]
    public async Task WrappedOriginInFunctionsThatReachHttpContext_ReportsReflection()
    {
        var diagnostics = await AnalyzeAsync("""
            using Microsoft.AspNetCore.Mvc.Filters;

            public static class CorsHelpers
            {
                public static void AllowCaller(HttpContext context)
                {
                    var request = context.Request;
                    context.Response.Headers.Add("Access-Control-Allow-Origin", new[] { (string)request.Headers["Origin"] });
                    context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                }
            }

            public sealed class AllowOriginFilter : ActionFilterAttribute
            {
                public override void OnActionExecuting(ActionExecutingContext filterContext)
                {
                    var request = filterContext.HttpContext.Request;
                    filterContext.HttpContext.Response.Headers.Append("Access-Control-Allow-Origin", request.Headers["Origin"][0]);
                }
            }
            """);
        var reflected = diagnostics.Where(static d => d.Id == DiagnosticIds.RequestOriginReflected).ToList();
        Assert.Equal(2, reflected.Count);
        Assert.Contains(reflected, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("act as the signed-in user", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var origin = (string)context.Request.Headers[\"Origin\"]; context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { Allowed.Contains(origin) ? origin : \"https://app.contoso.com\" });")]
    [InlineData("var origin = context.Request.Headers[\"Origin\"][0]; if (Allowed.Contains(origin!)) { context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { origin }); }")]
    [InlineData("context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { (string)context.Request.Headers[\"Referer\"] });")]
    [InlineData("var origin = (string?)context.Request.Headers[\"Origin\"]; var allowOrigin = origin is not null && Allowed.Contains(origin) ? origin : \"https://app.contoso.com\"; context.Response.Headers.Append(\"Access-Control-Allow-Origin\", allowOrigin);")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Origin\"] = context.Response.Headers[\"Origin\"][0];")]
    [InlineData("context.Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { \"https://app.contoso.com\" });")]
    [InlineData("context.Response.Headers.Add(\"Vary\", new[] { (string)context.Request.Headers[\"Origin\"] });")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", context.Request.Headers[\"Origin\"].Count.ToString());")]
    public async Task CheckedOtherHeaderOrConstant_NoReflection(string body)
    {
        var diagnostics = await AnalyzeAsync(Middleware(body));
        Assert.DoesNotContain(diagnostics, static d => d.Id == DiagnosticIds.RequestOriginReflected);
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
