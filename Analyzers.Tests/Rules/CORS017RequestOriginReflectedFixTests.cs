using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// CORS017 in a class library (no app pipeline to take a policy): the echo is written only for an origin configuration
/// lists. Typed properties and the indexer, the request's services or an injected configuration, Fix All.
/// </summary>
public sealed class CORS017RequestOriginReflectedFixTests
{
    private const string EveryWebsite = ": every website is allowed";

    private const string Reflected = ", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user";

    [Fact]
    public async Task TypedPropertyEchoInPreflightMiddleware_Fix_ChecksTheConfiguredOrigins()
    {
        await VerifyAsync("""
            public class PreflightMiddleware
            {
                private readonly RequestDelegate _next;

                public PreflightMiddleware(RequestDelegate next) => _next = next;

                public async Task Invoke(HttpContext context)
                {
                    var request = context.Request;
                    if (HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0)
                    {
                        var headers = context.Response.Headers;
                        // echo the caller
                        {|#0:{|#1:headers.AccessControlAllowOrigin = request.Headers.Origin.ToString()|}|};
                        {|#2:headers.AccessControlAllowMethods = "GET, POST, PUT"|};
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        return;
                    }

                    await _next(context);
                }
            }
            """, """
            public class PreflightMiddleware
            {
                private readonly RequestDelegate _next;

                public PreflightMiddleware(RequestDelegate next) => _next = next;

                public async Task Invoke(HttpContext context)
                {
                    var request = context.Request;
                    if (HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0)
                    {
                        var headers = context.Response.Headers;
                        // echo the caller
                        if ((context.RequestServices.GetRequiredService<IConfiguration>().GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(request.Headers.Origin.ToString()))
                        {
                            {|#0:headers.AccessControlAllowOrigin = request.Headers.Origin.ToString()|};
                        }
                        {|#2:headers.AccessControlAllowMethods = "GET, POST, PUT"|};
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        return;
                    }

                    await _next(context);
                }
            }
            """,
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite),
            ],
            [Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods")]);
    }

    [Fact]
    public async Task IndexerEchoWithInjectedConfiguration_Fix_ReadsThatConfiguration()
    {
        await VerifyAsync("""
            public class EchoMiddleware(RequestDelegate next, IConfiguration configuration)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    {|#0:{|#1:context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"]|}|};
                    {|#2:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                    return next(context);
                }
            }
            """, """
            public class EchoMiddleware(RequestDelegate next, IConfiguration configuration)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    if ((configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(context.Request.Headers["Origin"].ToString()))
                    {
                        {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"]|};
                    }
                    {|#2:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                    return next(context);
                }
            }
            """,
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(Reflected),
            ],
            [Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials")]);
    }

    [Fact]
    public async Task EchoesInTwoClasses_FixAll_ChecksBoth()
    {
        await VerifyAsync("""
            public class FirstMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    {|#0:{|#1:context.Response.Headers.Append("Access-Control-Allow-Origin", origin)|}|};
                    return next(context);
                }
            }

            public class SecondMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext httpContext)
                {
                    {|#2:{|#3:httpContext.Response.Headers.AccessControlAllowOrigin = httpContext.Request.Headers.Origin|}|};
                    return next(httpContext);
                }
            }
            """, """
            public class FirstMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if ((context.RequestServices.GetRequiredService<IConfiguration>().GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(origin))
                    {
                        {|#0:context.Response.Headers.Append("Access-Control-Allow-Origin", origin)|};
                    }
                    return next(context);
                }
            }

            public class SecondMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext httpContext)
                {
                    if ((httpContext.RequestServices.GetRequiredService<IConfiguration>().GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(httpContext.Request.Headers.Origin.ToString()))
                    {
                        {|#2:httpContext.Response.Headers.AccessControlAllowOrigin = httpContext.Request.Headers.Origin|};
                    }
                    return next(httpContext);
                }
            }
            """,
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite),
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(2).WithArguments("Access-Control-Allow-Origin"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(3).WithArguments(EveryWebsite),
            ],
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(2).WithArguments("Access-Control-Allow-Origin"),
            ],
            fixAll: true);
    }

    [Fact]
    public async Task FileWithoutImplicitUsings_Fix_AddsTheUsingsItNeeds()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, RequestOriginReflectedCodeFixProvider>.Test("""
            using Microsoft.AspNetCore.Http;
            using System.Threading.Tasks;

            public class EchoMiddleware
            {
                private readonly RequestDelegate _next;

                public EchoMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext context)
                {
                    {|#0:{|#1:context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin.ToString()|}|};
                    return _next(context);
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using System.Linq;
            using System.Threading.Tasks;

            public class EchoMiddleware
            {
                private readonly RequestDelegate _next;

                public EchoMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext context)
                {
                    if ((context.RequestServices.GetRequiredService<IConfiguration>().GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(context.Request.Headers.Origin.ToString()))
                    {
                        {|#0:context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin.ToString()|};
                    }
                    return _next(context);
                }
            }
            """, implicitUsings: false)
        {
            CodeActionEquivalenceKey = RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey,
        };
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite));
        test.FixedState.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("string.IsNullOrEmpty(origin) ? \"*\" : origin")]
    [InlineData("!string.IsNullOrWhiteSpace(origin) ? origin : \"*\"")]
    [InlineData("(origin.Length == 0 ? \"*\" : origin)")]
    public async Task EchoWithWildcardFallbackInTheArgument_Fix_WritesOnlyTheListedOrigin(string value)
    {
        // Under the check only a listed origin is written; the "*" written for a request without one goes, as any
        // origin configuration does not list gets no Access-Control-Allow-Origin.
        await VerifyAsync($$"""
            public class EchoMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext ctx)
                {
                    var origin = ctx.Request.Headers["Origin"].ToString();
                    {|#0:{|#1:ctx.Response.Headers.Append("Access-Control-Allow-Origin", {{value}})|}|};
                    {|#2:ctx.Response.Headers.Append("Access-Control-Allow-Credentials", "true")|}; // cookies too
                    return next(ctx);
                }
            }
            """, """
            public class EchoMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext ctx)
                {
                    var origin = ctx.Request.Headers["Origin"].ToString();
                    if ((ctx.RequestServices.GetRequiredService<IConfiguration>().GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(origin))
                    {
                        {|#0:ctx.Response.Headers.Append("Access-Control-Allow-Origin", origin)|};
                    }
                    {|#2:ctx.Response.Headers.Append("Access-Control-Allow-Credentials", "true")|}; // cookies too
                    return next(ctx);
                }
            }
            """,
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(Reflected),
            ],
            [Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials")],
            fixAll: true);
    }

    [Fact]
    public async Task EchoWithCoalescingFallbackOnTypedProperty_Fix_WritesOnlyTheListedOrigin()
    {
        await VerifyAsync("""
            public class EchoMiddleware(RequestDelegate next, IConfiguration configuration)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    string? origin = context.Request.Headers.Origin.FirstOrDefault();
                    {|#0:{|#1:context.Response.Headers.AccessControlAllowOrigin = origin ?? "*"|}|};
                    return next(context);
                }
            }
            """, """
            public class EchoMiddleware(RequestDelegate next, IConfiguration configuration)
            {
                public Task InvokeAsync(HttpContext context)
                {
                    string? origin = context.Request.Headers.Origin.FirstOrDefault();
                    if ((configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Contains(origin))
                    {
                        {|#0:context.Response.Headers.AccessControlAllowOrigin = origin|};
                    }
                    return next(context);
                }
            }
            """,
            [
                Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
                Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite),
            ],
            [Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin")]);
    }

    [Theory]
    [InlineData("IsPreview() ? \"*\" : origin")]
    [InlineData("string.IsNullOrEmpty(origin) ? Fallback() : origin")]
    public async Task EchoWithFallbackTheFixCannotDrop_NoFix(string value)
    {
        // Dropping the fallback would drop a call the code makes, or a value only known at run time: left for a person.
        await CSharpCodeFixVerifier<HeaderRules, RequestOriginReflectedCodeFixProvider>.VerifyNoCodeFixAsync($$"""
            public class EchoMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext ctx)
                {
                    var origin = ctx.Request.Headers["Origin"].ToString();
                    {|#0:{|#1:ctx.Response.Headers.Append("Access-Control-Allow-Origin", {{value}})|}|};
                    return next(ctx);
                }

                private static bool IsPreview() => false;

                private static string Fallback() => "https://app.contoso.com";
            }
            """,
            RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite));
    }

    [Fact]
    public async Task EchoInAnApp_NoCheckAction()
    {
        // In an app the middleware fix (a configured policy) is the one offered.
        await CSharpCodeFixVerifier<HeaderRules, RequestOriginReflectedCodeFixProvider>.VerifyNoCodeFixAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.Use(async (context, next) =>
            {
                {|#0:{|#1:context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin|}|};
                await next();
            });
            app.Run();
            """,
            RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite));
    }

    [Fact]
    public async Task EchoInExpressionBody_NoFix()
    {
        // No statement of its own to guard: left for a person.
        await CSharpCodeFixVerifier<HeaderRules, RequestOriginReflectedCodeFixProvider>.VerifyNoCodeFixAsync("""
            public static class CorsHelper
            {
                public static void Allow(HttpContext context) => {|#0:{|#1:context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin|}|};
            }
            """,
            RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(EveryWebsite));
    }

    private static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<HeaderRules>.Diagnostic(id);

    private static async Task VerifyAsync(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[] remaining, bool fixAll = false)
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, RequestOriginReflectedCodeFixProvider>.Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey,
        };
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        if (!fixAll)
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        }

        await test.RunAsync();
    }
}
