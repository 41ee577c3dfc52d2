using System;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Live;

/// <summary>A flagged app, the rule that flags it and the code fix that repairs it.</summary>
internal sealed record LiveScenario(string Source, string RuleId, string FixKey)
{
    /// <summary>Checks that the rule flags <see cref="Source"/>, applies the real code fix and checks the fixed app is clean; returns the fixed source.</summary>
    public async Task<string> FlagAndFixAsync()
    {
        Assert.Contains(await LiveApp.AnalyzeAsync(Source), d => d.Id == RuleId);
        var fixedSource = await LiveApp.FixAsync(Source, RuleId, FixKey);
        var after = await LiveApp.AnalyzeAsync(fixedSource);
        Assert.DoesNotContain(after, d => d.Id == RuleId);
        Assert.DoesNotContain(after, d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("CORS", StringComparison.Ordinal));
        return fixedSource;
    }
}

/// <summary>
/// The apps the live checks run on Kestrel and the browser checks load in Chromium: each one a real mistake a rule
/// flags, paired with the fix that repairs it. They trust <see cref="LiveApp.AppOrigin"/> and serve GET and PUT on <c>/r</c>.
/// </summary>
internal static class LiveScenarios
{
    public const string Endpoints = """
                app.MapGet("/r", () => "ok");
                app.MapPut("/r", () => "ok");
        """;

    public static readonly LiveScenario AnyOriginWithCredentials = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowCredentials()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.AnyOriginWithCredentials,
        AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey);

    public static readonly LiveScenario HandBuiltPolicyWithStarAndCredentials = new(
        App(
            "var policy = new CorsPolicy { SupportsCredentials = true, Origins = { \"*\" } };\nbuilder.Services.AddCors(o => o.AddDefaultPolicy(policy));",
            "app.UseCors();\n" + Endpoints),
        DiagnosticIds.AnyOriginWithCredentials,
        AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey);

    public static readonly LiveScenario AlwaysTruePredicate = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.AllOriginsTrustedWithCredentials,
        AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey);

    public static readonly LiveScenario SuffixCheck = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Host.EndsWith(\"app.example\")).AllowCredentials()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.BypassableOriginCheck,
        BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey);

    public static readonly LiveScenario NullOrigin = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\", \"null\")));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.NullOriginTrusted,
        NullOriginTrustedCodeFixProvider.RemoveNullOriginKey);

    public static readonly LiveScenario WildcardWithoutFlag = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://*.app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.WildcardSubdomainIgnored,
        WildcardSubdomainIgnoredCodeFixProvider.AllowWildcardSubdomainsKey);

    public static readonly LiveScenario UseCorsWithoutServices = new(
        // The live host calls builder.Build() itself, so services are registered Startup-style, where the fix inserts AddCors.
        """
        public static class App
        {
            public static void Configure(WebApplicationBuilder builder) => ConfigureServices(builder.Services);

            public static void ConfigureServices(IServiceCollection services)
            {
                services.AddRouting();
            }

            public static void Configure(WebApplication app)
            {
                app.UseCors(p => p.WithOrigins("https://app.example").AllowAnyMethod().AllowAnyHeader());
                app.MapGet("/r", () => "ok");
                app.MapPut("/r", () => "ok");
            }
        }
        """,
        DiagnosticIds.UseCorsWithoutServices,
        UseCorsWithoutServicesCodeFixProvider.AddCorsKey);

    public static readonly LiveScenario PolicyWithoutUseCors = new(
        App("builder.Services.AddCors(o => o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseRouting();\n" + Endpoints),
        DiagnosticIds.CorsNeverApplied,
        CorsNeverAppliedCodeFixProvider.AddUseCorsKey);

    public static readonly LiveScenario UseCorsBeforeRoutingWithEndpointMetadata = new(
        App(
            "builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));",
            "app.UseCors();\napp.UseRouting();\napp.MapGet(\"/r\", () => \"ok\").RequireCors(\"A\");\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\");"),
        DiagnosticIds.MisplacedUseCors,
        MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

    /// <summary>A signed-in user's endpoint: its policy allows credentials, since the browser sends the sign-in cookie only with them.</summary>
    public static readonly LiveScenario UseCorsAfterAuthorization = new(
        App(
            "builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");\n        builder.Services.AddAuthorization();\n        builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader().AllowCredentials()));",
            "app.UseRouting();\napp.UseAuthentication();\napp.UseAuthorization();\napp.UseCors();\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();"),
        DiagnosticIds.MisplacedUseCors,
        MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

    /// <summary>The same pipeline written by a project that discards every call's result: the move keeps that form.</summary>
    public static readonly LiveScenario UseCorsAfterAuthorizationDiscarded = new(
        App(
            "builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");\n        builder.Services.AddAuthorization();\n        builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader().AllowCredentials()));",
            "_ = app.UseRouting();\n_ = app.UseAuthentication();\n_ = app.UseAuthorization();\n_ = app.UseCors();\n_ = app.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();"),
        DiagnosticIds.MisplacedUseCors,
        MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

    public static readonly LiveScenario UseCorsAfterUseEndpoints = new(
        App(
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));",
            "app.UseRouting();\napp.UseEndpoints(e => { e.MapGet(\"/r\", () => \"ok\"); e.MapPut(\"/r\", () => \"ok\"); });\napp.UseCors();"),
        DiagnosticIds.MisplacedUseCors,
        MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

    public static readonly LiveScenario UseCorsAfterOutputCache = new(
        App(
            "builder.Services.AddOutputCache();\n        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\")));",
            "app.UseOutputCache();\napp.UseCors();\napp.MapGet(\"/r\", () => \"ok\").CacheOutput();"),
        DiagnosticIds.MisplacedUseCors,
        MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

    public static readonly LiveScenario UnknownPolicyName = new(
        App("builder.Services.AddCors(o => o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors(\"Spa\");\n" + Endpoints),
        DiagnosticIds.UnknownPolicyName,
        UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".spa");

    /// <summary>The documented policy-name local with a bare AddCors: the fix adds the policy, reading the origins from configuration.</summary>
    public static readonly LiveScenario PolicyNeverAdded = new(
        App("builder.Services.AddCors();", "var web = \"web\";\napp.UseCors(web);\n" + Endpoints),
        DiagnosticIds.UnknownPolicyName,
        UnknownPolicyNameCodeFixProvider.AddPolicyKey + ".web");

    public static readonly LiveScenario HandWrittenHeaders = new(
        HandWritten("""
                    context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
                    context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT";
            """),
        DiagnosticIds.HandWrittenCorsHeaders,
        UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

    public static readonly LiveScenario EchoedOriginWithCredentials = new(
        HandWritten("""
                    var origin = context.Request.Headers.Origin.ToString();
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                    context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT";
            """),
        DiagnosticIds.RequestOriginReflected,
        UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

    public static readonly LiveScenario WildcardWithCredentialsHeaders = new(
        HandWritten("""
                    context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
                    context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
            """),
        DiagnosticIds.WildcardOriginWithCredentialsHeader,
        UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

    /// <summary>
    /// A program that builds the app itself, a hand-written '*' with credentials after its AllowAnyOrigin policy, and an old
    /// Startup class nothing runs, with a stricter policy of its own.
    /// </summary>
    public static readonly LiveScenario WildcardWithCredentialsBesideUnreachedStartup = new(
        """
        var builder = WebApplication.CreateBuilder(args);
        App.Configure(builder);
        var app = builder.Build();
        App.Configure(app);
        app.Run();

        """ + App(
        "builder.Services.AddCors(o => o.AddPolicy(\"AllowAll\", p => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));",
        "app.UseCors(\"AllowAll\");\napp.UseHandWrittenCors();\n" + Endpoints) + """


        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddCors(o => o.AddPolicy("Legacy", p => p.WithOrigins("https://old.example")));

            public void Configure(IApplicationBuilder app)
            {
                app.UseCors("Legacy");
                app.UseHandWrittenCors();
            }
        }

        public class HandWrittenCorsMiddleware
        {
            private readonly RequestDelegate _next;

            public HandWrittenCorsMiddleware(RequestDelegate next) => _next = next;

            public System.Threading.Tasks.Task Invoke(HttpContext httpContext)
            {
                httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                return _next(httpContext);
            }
        }

        public static class HandWrittenCorsExtensions
        {
            public static IApplicationBuilder UseHandWrittenCors(this IApplicationBuilder app) => app.UseMiddleware<HandWrittenCorsMiddleware>();
        }
        """,
        DiagnosticIds.WildcardOriginWithCredentialsHeader,
        UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey);

    /// <summary>An endpoint that sets a custom response header only an exposure makes readable to the page.</summary>
    public const string EndpointWithRequestId = "app.MapGet(\"/r\", (HttpContext context) => { context.Response.Headers[\"X-Request-Id\"] = \"42\"; return \"ok\"; });";

    public static readonly LiveScenario CommaJoinedMethods = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").WithMethods(\"GET,PUT\").AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.CommaJoinedList,
        CommaJoinedListCodeFixProvider.SplitNamesKey);

    public static readonly LiveScenario CommaJoinedExposedHeaders = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").WithExposedHeaders(\"X-Request-Id, X-Total-Count\").AllowCredentials()));", "app.UseCors();\n" + EndpointWithRequestId),
        DiagnosticIds.CommaJoinedList,
        CommaJoinedListCodeFixProvider.SplitNamesKey);

    public static readonly LiveScenario OriginParseThrowsOnNull = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => new Uri(origin).Host == \"app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.OriginCheckThrowsOnNull,
        OriginCheckThrowsOnNullCodeFixProvider.UseTryCreateKey);

    public static readonly LiveScenario AnyOriginFallback = new(
        App(
            "var origins = builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>();\nbuilder.Services.AddCors(o => o.AddDefaultPolicy(p =>\n{\n    if (origins == null || origins.Length == 0) p.AllowAnyOrigin(); else p.WithOrigins(origins);\n    p.AllowAnyMethod().AllowAnyHeader();\n}));",
            "app.UseCors();\n" + Endpoints),
        DiagnosticIds.AnyOriginFallback,
        AnyOriginFallbackCodeFixProvider.AllowNoOriginKey);

    public static readonly LiveScenario OriginCheckOverridden = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => origin == \"https://app.example\").AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.OriginCheckOverridden,
        OriginCheckOverriddenCodeFixProvider.RemoveAnyOriginKey);

    /// <summary>
    /// Headers written by hand with <c>true.ToString()</c>, which sends "True". CORS016 is turned off in the file, as in an app
    /// that keeps its hand-written headers on purpose: CORS028 is reported all the same, and its fix is the whole repair.
    /// </summary>
    public static readonly LiveScenario CredentialsTrueToString = new(
        "#pragma warning disable CORS016\n" + HandWritten("""
                    context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
                    context.Response.Headers["Access-Control-Allow-Credentials"] = true.ToString();
            """),
        DiagnosticIds.CredentialsValueNotTrue,
        CredentialsValueNotTrueCodeFixProvider.WriteTrueKey);

    /// <summary>
    /// "The front end on any port" (<c>https://app.example:*</c>, the shape of <c>http://localhost:*</c> on the browser lab's
    /// https pages) beside a second front end. The wildcard entry never matches; the fix removes it and changes nothing else.
    /// </summary>
    public static readonly LiveScenario MisplacedWildcard = new(
        App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example:*\", \"https://admin.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.OriginNeverMatches,
        OriginNeverMatchesCodeFixProvider.RemoveNeverMatchingKey);

    /// <summary>
    /// A policy whose origins fall back to a list written in the code when the setting is missing, with the default port
    /// spelled out in that list. The fix rewrites the literal in the local's initializer.
    /// </summary>
    public static readonly LiveScenario FallbackOriginWithDefaultPort = new(
        App(
            "var origins = builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? new[] { \"https://app.example:443\" };\nbuilder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyMethod().AllowAnyHeader()));",
            "app.UseCors();\n" + Endpoints),
        DiagnosticIds.OriginNeverMatches,
        OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey);

    /// <summary>
    /// A SignalR hub whose endpoint policy lists the front end's origin without credentials; the hub echoes what it gets.
    /// The fix adds <c>AllowCredentials()</c> to the policy.
    /// </summary>
    public static readonly LiveScenario HubWithoutCredentials = new(
        App(
            "builder.Services.AddSignalR();\n        builder.Services.AddCors(o => o.AddPolicy(\"hub\", p => p.WithOrigins(\"https://app.example\").AllowAnyHeader().AllowAnyMethod()));",
            "app.UseCors();\napp.MapHub<EchoHub>(\"/hub\").RequireCors(\"hub\");\n" + Endpoints) + """


        public sealed class EchoHub : Microsoft.AspNetCore.SignalR.Hub
        {
            public string Echo(string text) => text;
        }
        """,
        DiagnosticIds.HubWithoutCredentials,
        HubWithoutCredentialsCodeFixProvider.AddCredentialsKey);

    /// <summary>Cookie sign-in, the authorization services and a credentialed policy; the pipeline never calls UseAuthorization.</summary>
    public const string SignInServices = "builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");\n        builder.Services.AddAuthorization();\n        builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader().AllowCredentials()));";

    /// <summary>An endpoint policy (RequireCors) on endpoints that require authorization: WebApplication authorizes before UseCors.</summary>
    public static readonly LiveScenario AuthorizationBeforeCorsEndpointPolicy = new(
        App(SignInServices, "app.UseCors();\napp.MapGet(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();"),
        DiagnosticIds.AuthorizationBeforeCors,
        AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey);

    /// <summary>A middleware policy (UseCors("A")) in front of endpoints that require authorization.</summary>
    public static readonly LiveScenario AuthorizationBeforeCorsMiddlewarePolicy = new(
        App(SignInServices, "app.UseCors(\"A\");\napp.MapGet(\"/r\", () => \"ok\").RequireAuthorization();\napp.MapPut(\"/r\", () => \"ok\").RequireAuthorization();"),
        DiagnosticIds.AuthorizationBeforeCors,
        AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey);

    /// <summary>A default policy with one origin literal a browser never sends, repaired by <paramref name="fixKey"/>.</summary>
    public static LiveScenario OriginBrowsersNeverSend(string origin, string fixKey) => new(
        App($"builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"{origin}\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints),
        DiagnosticIds.OriginNeverMatches,
        fixKey);

    /// <summary>An app whose inline middleware writes CORS headers; services are registered Startup-style (the live host builds the app).</summary>
    public static string HandWritten(string writes) => $$"""
        public static class App
        {
            public static void Configure(WebApplicationBuilder builder) => ConfigureServices(builder.Services, builder.Configuration);

            public static void ConfigureServices(IServiceCollection services, IConfiguration configuration)
            {
                services.AddRouting();
            }

            public static void Configure(WebApplication app)
            {
                app.Use(async (context, next) =>
                {
        {{writes}}
                    await next();
                });
                app.MapGet("/r", () => "ok");
                app.MapPut("/r", () => "ok");
            }
        }
        """;

    /// <summary>An app from its service registrations and its pipeline (one statement a line).</summary>
    /// <summary>
    /// Shape 1 of real apps: a policy for the app's origin, GET only, and a hand-written layer before <c>UseCors()</c> that
    /// also allows PUT and <c>Content-Type</c>; the fix folds those into the policy and removes the layer.
    /// </summary>
    private const string GetOnlyPolicy = "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").WithMethods(\"GET\")));";

    public static readonly LiveScenario HeadersBesideGetOnlyPolicy = new(
        App(GetOnlyPolicy, """
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
                context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT";
                context.Response.Headers["Access-Control-Allow-Headers"] = "Content-Type";
                await next();
            });
            app.UseCors();
            """ + "\n" + Endpoints),
        DiagnosticIds.HandWrittenCorsHeaders,
        UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey);

    /// <summary>The same layer appending its headers when the response starts, after the CORS middleware has set its own.</summary>
    public static readonly LiveScenario AppendedAtStartBesideGetOnlyPolicy = new(
        App(GetOnlyPolicy, """
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Append("Access-Control-Allow-Origin", "https://app.example");
                    context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, PUT");
                    context.Response.Headers.Append("Access-Control-Allow-Headers", "Content-Type");
                    return System.Threading.Tasks.Task.CompletedTask;
                });
                await next();
            });
            app.UseCors();
            """ + "\n" + Endpoints),
        DiagnosticIds.HandWrittenCorsHeaders,
        UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey);

    public static string App(string services, string pipeline) => $$"""
        public static class App
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                {{services}}
            }

            public static void Configure(WebApplication app)
            {
        {{string.Join("\n", pipeline.Split('\n').Select(line => "        " + line.TrimStart()))}}
            }
        }
        """;
}
