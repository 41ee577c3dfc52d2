using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.HeaderRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS016to018HeaderTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult HandWritten(string headers) =>
        VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments(headers);

    [Theory]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Origin\"] = \"https://app.contoso.com\"")]
    [InlineData("context.Response.Headers[\"access-control-allow-origin\"] = \"https://app.contoso.com\"")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Origin\", \"https://app.contoso.com\")")]
    [InlineData("context.Response.Headers.Add(\"Access-Control-Allow-Origin\", \"https://app.contoso.com\")")]
    [InlineData("context.Response.Headers.TryAdd(\"Access-Control-Allow-Origin\", \"https://app.contoso.com\")")]
    [InlineData("context.Response.Headers.AccessControlAllowOrigin = \"https://app.contoso.com\"")]
    [InlineData("context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = \"https://app.contoso.com\"")]
    [InlineData("context.Response.Headers[Names.AllowOrigin] = \"https://app.contoso.com\"")]
    [InlineData("var headers = context.Response.Headers; {|#0:headers[\"Access-Control-Allow-Origin\"] = \"https://app.contoso.com\"|}; _ = headers")]
    [InlineData("var response = context.Response; {|#0:response.Headers.Append(\"Access-Control-Allow-Origin\", \"https://app.contoso.com\")|}; _ = response")]
    public async Task WriteShapesInInlineMiddleware_ReportsDiagnostic(string write)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.Net.Http.Headers;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                {{(write.Contains("{|#0:") ? write : "{|#0:" + write + "|}")}};
                await next();
            });
            app.Run();

            static class Names
            {
                public const string AllowOrigin = "Access-Control-Allow-Origin";
            }
            """, HandWritten("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task MiddlewareClassWithOnStarting_ReportsOnceWithEveryWrite()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public sealed class CorsHeadersMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    context.Response.OnStarting(() =>
                    {
                        {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                        {|#1:context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST"|};
                        {|#2:context.Response.Headers.Append("Access-Control-Max-Age", "600")|};
                        return Task.CompletedTask;
                    });
                    return next(context);
                }
            }
            """, HandWritten("Access-Control-Allow-Origin, Access-Control-Allow-Methods, Access-Control-Max-Age").WithLocation(1).WithLocation(2));
    }

    [Fact]
    public async Task ControllerFilterAndMinimalHandler_ReportDiagnostics()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            var app = WebApplication.Create(args);
            app.MapGet("/r", (HttpResponse response) =>
            {
                {|#2:response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                return "ok";
            });
            app.Run();

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    {|#0:Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                    return Ok();
                }

                public IActionResult Put()
                {
                    {|#1:HttpContext.Response.Headers.Append("Access-Control-Allow-Methods", "PUT")|};
                    return Ok();
                }
            }

            public sealed class CorsFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context) =>
                    {|#3:context.HttpContext.Response.Headers["Access-Control-Allow-Headers"] = "content-type"|};

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """,
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(1).WithArguments("Access-Control-Allow-Methods"),
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(2).WithArguments("Access-Control-Allow-Origin"),
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(3).WithArguments("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task NotResponseCorsWrites_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers["Origin"].ToString();
                context.Request.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Expose-Headers"] = "x-total-count";
                context.Response.Headers["Cache-Control"] = "no-store";
                var request = new HttpRequestMessage();
                request.Headers.Add("Access-Control-Allow-Origin", "*");
                var headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" };
                headers["Access-Control-Allow-Origin"] = origin;
                await next();
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task EchoedOriginWithCredentials_ReportsReflection()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Net.Http.Headers;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers[HeaderNames.Origin].ToString();
                {|#0:{|#1:context.Response.Headers["Access-Control-Allow-Origin"] = origin|}|};
                {|#2:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                await next();
            });
            app.Run();
            """,
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"),
            VerifyCS.Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user"));
    }

    [Theory]
    [InlineData("context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;")]
    [InlineData("if (context.Request.Headers.TryGetValue(\"Origin\", out var origin)) { context.Response.Headers.AccessControlAllowOrigin = origin; }")]
    [InlineData("var o = context.Request.Headers[\"origin\"]; var copy = o; context.Response.Headers.Append(\"Access-Control-Allow-Origin\", copy);")]
    public async Task EchoedOriginWithoutCredentials_ReportsReflection(string write)
    {
        var source = $$"""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                {{write}}
                await next();
            });
            app.Run();
            """;
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        var reflected = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.RequestOriginReflected);
        Assert.EndsWith(": every website is allowed", reflected.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("if (Allowed.Contains(origin)) { context.Response.Headers[\"Access-Control-Allow-Origin\"] = origin; }")]
    [InlineData("if (origin == \"https://app.contoso.com\") context.Response.Headers[\"Access-Control-Allow-Origin\"] = origin;")]
    [InlineData("if (!Allowed.Contains(origin)) { await next(); return; } context.Response.Headers[\"Access-Control-Allow-Origin\"] = origin;")]
    public async Task EchoedOriginAfterAllowListCheck_OnlyHandWritten(string guarded)
    {
        var source = $$"""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers["Origin"].ToString();
                {{guarded}}
                await next();
            });
            app.Run();

            partial class Program
            {
                private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };
            }
            """;
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new[] { new CorsAnalyzers.Tests.HeaderRules() });
        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HandWrittenCorsHeaders);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.RequestOriginReflected);
    }

    [Fact]
    public async Task WildcardWithCredentials_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                {|#0:{|#2:context.Response.Headers.Append("Access-Control-Allow-Origin", "*")|}|};
                {|#1:{|#3:context.Response.Headers.Append("Access-Control-Allow-Credentials", "true")|}|};
                await next();
            });
            app.Run();
            """,
            VerifyCS.Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"),
            VerifyCS.Diagnostic(DiagnosticIds.WildcardOriginWithCredentialsHeader).WithLocation(2).WithLocation(3));
    }
}
