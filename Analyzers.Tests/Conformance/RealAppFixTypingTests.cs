using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// The fixes for shapes found in real apps, on code being typed: a policy name applied but never added to a bare
/// <c>AddCors()</c>, a hand-written middleware class beside a policy that lacks its methods, a class nothing registers,
/// origin checks whose intended host cannot be derived, headers appended when the response starts, a program that kept an
/// old Startup class nothing reaches, and a class library's middleware echoing the origin through typed properties.
/// Every prefix is analyzed and every fix offered is computed, without an exception.
/// </summary>
public sealed class RealAppFixTypingTests
{
    private const string Program = """
        var frontend = "_frontend";
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("api", p => p.WithOrigins("http://localhost:4200").WithMethods("GET")));
        var app = builder.Build();
        app.UseCors("api");
        app.UseHeaders();
        app.MapGet("/", () => "ok").RequireCors(frontend);
        app.Run();

        public class HeadersMiddleware
        {
            private readonly RequestDelegate _next;

            public HeadersMiddleware(RequestDelegate next) => _next = next;

            public Task Invoke(HttpContext httpContext)
            {
                httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                httpContext.Response.Headers.Add("Access-Control-Allow-Methods", "GET,PUT,DELETE,OPTIONS");
                httpContext.Response.Headers.Add("Access-Control-Expose-Headers", "X-Total-Count");
                return _next(httpContext);
            }
        }

        public class LegacyCorsMiddleware
        {
            private readonly RequestDelegate _next;

            public LegacyCorsMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "*";
                await _next(context);
            }
        }

        public static class HeadersExtensions
        {
            public static IApplicationBuilder UseHeaders(this IApplicationBuilder app) => app.UseMiddleware<HeadersMiddleware>();

            public static IApplicationBuilder UseLegacyCors(this IApplicationBuilder app) => app.UseMiddleware<LegacyCorsMiddleware>();
        }
        """;

    private const string ProgramWithOldStartup = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("AllowOrigin", p => p.AllowAnyOrigin().AllowAnyMethod()));
        var app = builder.Build();
        app.UseCors("AllowOrigin");
        app.UseHeaders();
        app.Run();

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddCors(o => o.AddPolicy("AllowOrigin", p => p.WithOrigins("https://a.com")));

            public void Configure(IApplicationBuilder app)
            {
                app.UseCors("AllowOrigin");
                app.UseHeaders();
            }
        }

        public class HeadersMiddleware
        {
            private readonly RequestDelegate _next;

            public HeadersMiddleware(RequestDelegate next) => _next = next;

            public Task Invoke(HttpContext httpContext)
            {
                httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                return _next(httpContext);
            }
        }

        public static class HeadersExtensions
        {
            public static IApplicationBuilder UseHeaders(this IApplicationBuilder app) => app.UseMiddleware<HeadersMiddleware>();
        }
        """;

    private const string LibraryPreflight = """
        public class PreflightMiddleware
        {
            private readonly RequestDelegate _next;

            public PreflightMiddleware(RequestDelegate next) => _next = next;

            public async Task Invoke(HttpContext context)
            {
                var request = context.Request;
                if (HttpMethods.IsOptions(request.Method))
                {
                    var headers = context.Response.Headers;
                    headers.AccessControlAllowOrigin = request.Headers.Origin.ToString();
                    headers.AccessControlMaxAge = "600";
                    context.Response.StatusCode = 204;
                    return;
                }

                await _next(context);
            }
        }
        """;

    [Fact]
    public async Task LibraryPreflight_ReportsTheEcho()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(LibraryPreflight);
        Assert.Empty(failures);
        Assert.Equal(1, diagnostics.Count(d => d.Id == DiagnosticIds.RequestOriginReflected));
    }

    [Fact]
    public async Task LibraryPreflight_EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(
            LibraryPreflight, step: 7, id => id is DiagnosticIds.RequestOriginReflected or DiagnosticIds.HandWrittenCorsHeaders));

    [Fact]
    public async Task ProgramWithOldStartup_ReportsTheHeaders()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(ProgramWithOldStartup);
        Assert.Empty(failures);
        Assert.Equal(1, diagnostics.Count(d => d.Id == DiagnosticIds.HandWrittenCorsHeaders));
        Assert.Equal(1, diagnostics.Count(d => d.Id == DiagnosticIds.WildcardOriginWithCredentialsHeader));
    }

    [Fact]
    public async Task ProgramWithOldStartup_EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(
            ProgramWithOldStartup, step: 13, id => id is DiagnosticIds.HandWrittenCorsHeaders or DiagnosticIds.WildcardOriginWithCredentialsHeader));

    [Fact]
    public async Task FullProgram_ReportsEachShape()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(Program);
        Assert.Empty(failures);
        Assert.Equal(1, diagnostics.Count(d => d.Id == DiagnosticIds.UnknownPolicyName));
        Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.HandWrittenCorsHeaders));
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(
            Program, step: 17, id => id is DiagnosticIds.UnknownPolicyName or DiagnosticIds.HandWrittenCorsHeaders));

    private const string OriginChecksAndResponseStartHeaders = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("preview", p => p.SetIsOriginAllowed(origin =>
            {
                if (string.IsNullOrWhiteSpace(origin))
                    return false;

                var parsed = new Uri(origin);
                var host = parsed.Host;
                return host.EndsWith(".vercel.app") || origin == "https://app.contoso.example";
            }).AllowCredentials());
            o.AddPolicy("desktop", p => p.SetIsOriginAllowed(origin => new Uri(origin).IsLoopback || origin.Contains("tauri") || origin.EndsWith(":3000")));
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, PUT");
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseCors("preview");
        app.Run();
        """;

    [Fact]
    public async Task OriginChecksAndResponseStartHeaders_ReportsEachShape()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(OriginChecksAndResponseStartHeaders);
        Assert.Empty(failures);
        Assert.Equal(3, diagnostics.Count(d => d.Id == DiagnosticIds.BypassableOriginCheck));
        Assert.Equal(1, diagnostics.Count(d => d.Id == DiagnosticIds.HandWrittenCorsHeaders));
    }

    [Fact]
    public async Task OriginChecksAndResponseStartHeaders_EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(
            OriginChecksAndResponseStartHeaders, step: 7, id => id is DiagnosticIds.BypassableOriginCheck or DiagnosticIds.OriginCheckThrowsOnNull or DiagnosticIds.HandWrittenCorsHeaders));
}
