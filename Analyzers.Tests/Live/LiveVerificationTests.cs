using System;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using static CorsAnalyzers.Tests.Live.LiveApp;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// Each rule's claim shown on a real Kestrel server: the flagged code misbehaves as the message says, and the code the
/// fix produces works (the intended origin is allowed, an attacker's origin is refused, the app starts).
/// </summary>
public sealed class LiveVerificationTests
{
    private const string Endpoints = """
                app.MapGet("/r", () => "ok");
                app.MapPut("/r", () => "ok");
        """;

    [Fact]
    public async Task CORS001_AnyOriginWithCredentials_AppFailsToStart_FixedAppAllowsConfiguredOriginOnly()
    {
        var source = App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowCredentials()));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.AnyOriginWithCredentials, AnyOriginWithCredentialsCodeFixProvider.UseConfiguredOriginsKey);

        await using (var before = await StartAsync(source))
        {
            Assert.IsType<InvalidOperationException>(before.StartupException);
            Assert.Contains("wildcard (any) origin and credentials", before.StartupException!.Message);
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: true);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS001_HandBuiltPolicyWithStarAndCredentials_EveryCorsRequestFails_FixedPolicyAnswers()
    {
        var source = App(
            "var policy = new CorsPolicy { SupportsCredentials = true, Origins = { \"*\" } };\nbuilder.Services.AddCors(o => o.AddDefaultPolicy(policy));",
            "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.AnyOriginWithCredentials, AnyOriginWithCredentialsCodeFixProvider.RemoveCredentialsKey);

        await using (var before = await StartAsync(source))
        {
            Assert.Null(before.StartupException);
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.Status == 500 && get.AllowOrigin is null, get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.Status == 200 && fixedGet.AllowOrigin == "*" && fixedGet.AllowCredentials is null, fixedGet.ToString());
    }

    [Fact]
    public async Task CORS002_AlwaysTruePredicate_ReflectsEvilOriginWithCredentials_FixedAppRefusesIt()
    {
        var source = App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.AllOriginsTrustedWithCredentials, AllOriginsTrustedWithCredentialsCodeFixProvider.UseConfiguredOriginsKey);

        await using (var before = await StartAsync(source))
        {
            var evil = await before.GetAsync("/r", EvilOrigin);
            Assert.True(evil.AllowOrigin == EvilOrigin && evil.AllowCredentials == "true", evil.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: true);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS004_SuffixCheck_AcceptsLookAlikeHost_FixedCheckRefusesIt()
    {
        var source = App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(\"app.example\")).AllowCredentials()));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.BypassableOriginCheck, BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey);
        const string lookAlike = "https://evilapp.example";

        await using (var before = await StartAsync(source))
        {
            var evil = await before.GetAsync("/r", lookAlike);
            Assert.True(evil.AllowOrigin == lookAlike, evil.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: true);
        await AssertAllowedAsync(after, "https://eu.app.example", credentials: true);
        await AssertRefusedAsync(after, lookAlike);
    }

    [Fact]
    public async Task CORS005_NullOrigin_IsEchoed_FixedAppRefusesIt()
    {
        var source = App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\", \"null\")));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.NullOriginTrusted, NullOriginCodeFixProvider.RemoveNullOriginKey);

        await using (var before = await StartAsync(source))
        {
            var sandboxed = await before.GetAsync("/r", "null");
            Assert.True(sandboxed.AllowOrigin == "null", sandboxed.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
        await AssertRefusedAsync(after, "null");
    }

    [Theory]
    [InlineData("https://app.example/", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData("https://app.example/login", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData("app.example", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData("https://app.example:443", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData(" https://app.example", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData("https://app.example,https://other.example", OriginNeverMatchesCodeFixProvider.SplitOriginsKey)]
    public async Task CORS007_OriginBrowsersNeverSend_NeverMatches_FixedOriginMatches(string origin, string fixKey)
    {
        var source = App($"builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"{origin}\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.OriginNeverMatches, fixKey);

        await using (var before = await StartAsync(source))
        {
            await AssertRefusedAsync(before, AppOrigin);
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS008_WildcardWithoutFlag_MatchesNoSubdomain_FixedPolicyMatchesSubdomains()
    {
        var source = App("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://*.app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.WildcardSubdomainIgnored, WildcardSubdomainCodeFixProvider.AllowWildcardSubdomainsKey);

        await using (var before = await StartAsync(source))
        {
            await AssertRefusedAsync(before, "https://eu.app.example");
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, "https://eu.app.example", credentials: false);
        await AssertRefusedAsync(after, "https://app.example.evil.example");
    }

    [Fact]
    public async Task CORS010_UseCorsWithoutServices_AppFailsToStart_FixedAppStarts()
    {
        // The live host calls builder.Build() itself, so services are registered Startup-style, where the fix inserts AddCors.
        const string source = """
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
            """;
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.UseCorsWithoutServices, UseCorsWithoutServicesCodeFixProvider.AddCorsKey);
        Assert.Contains("services.AddCors();", fixedSource);

        await using (var before = await StartAsync(source))
        {
            Assert.IsType<InvalidOperationException>(before.StartupException);
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
    }

    [Fact]
    public async Task CORS011_PolicyWithoutUseCors_NoHeadersAndPreflight405_FixedAppAnswers()
    {
        var source = App("builder.Services.AddCors(o => o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseRouting();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.CorsNeverApplied, CorsNeverAppliedCodeFixProvider.AddUseCorsKey);
        Assert.Contains("app.UseCors(\"spa\");", fixedSource);

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
    }

    [Fact]
    public async Task CORS012_UseCorsBeforeRoutingWithEndpointMetadata_Fails500_FixedOrderWorks()
    {
        var source = App(
            "builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));",
            "app.UseCors();\napp.UseRouting();\napp.MapGet(\"/r\", () => \"ok\").RequireCors(\"A\");\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\");");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.MisplacedUseCors, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

        await using (var before = await StartAsync(source))
        {
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.Status == 500, get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS012_UseCorsAfterAuthorization_PreflightGetsChallenge_FixedOrderAnswersPreflight()
    {
        var source = App(
            "builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");\n        builder.Services.AddAuthorization();\n        builder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));",
            "app.UseRouting();\napp.UseAuthentication();\napp.UseAuthorization();\napp.UseCors();\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.MisplacedUseCors, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status != 204 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin, fixedPreflight.ToString());
    }

    [Fact]
    public async Task CORS013_UnknownPolicyName_Preflight405_FixedNameAnswers()
    {
        var source = App("builder.Services.AddCors(o => o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));", "app.UseCors(\"Spa\");\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.UnknownPolicyName, UnknownPolicyNameCodeFixProvider.UseExistingPolicyKey + ".spa");

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
    }

    [Fact]
    public async Task CORS012_UseCorsAfterUseEndpoints_NeverRuns_FixedOrderAnswers()
    {
        var source = App(
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader()));",
            "app.UseRouting();\napp.UseEndpoints(e => { e.MapGet(\"/r\", () => \"ok\"); e.MapPut(\"/r\", () => \"ok\"); });\napp.UseCors();");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.MisplacedUseCors, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
    }

    [Fact]
    public async Task CORS012_UseCorsAfterOutputCache_CachedResponseHasNoCorsHeaders_FixedOrderAddsThem()
    {
        var source = App(
            "builder.Services.AddOutputCache();\n        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\")));",
            "app.UseOutputCache();\napp.UseCors();\napp.MapGet(\"/r\", () => \"ok\").CacheOutput();");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.MisplacedUseCors, MisplacedUseCorsCodeFixProvider.MoveUseCorsKey);

        await using (var before = await StartAsync(source))
        {
            await before.GetAsync("/r", origin: null);
            var cached = await before.GetAsync("/r", AppOrigin);
            Assert.True(cached.Status == 200 && cached.AllowOrigin is null, cached.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await after.GetAsync("/r", origin: null);
        var fixedCached = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedCached.Status == 200 && fixedCached.AllowOrigin == AppOrigin, fixedCached.ToString());
    }

    [Fact]
    public async Task CORS016_HandWrittenHeader_PreflightGets405_MiddlewareAnswersIt()
    {
        var source = HandWritten("""
                    context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
                    context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT";
            """);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.HandWrittenCorsHeaders, UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS017_EchoedOriginWithCredentials_TrustsEvilOrigin_MiddlewareRefusesIt()
    {
        var source = HandWritten("""
                    var origin = context.Request.Headers.Origin.ToString();
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                    context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT";
            """);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.RequestOriginReflected, UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

        await using (var before = await StartAsync(source))
        {
            var evil = await before.GetAsync("/r", EvilOrigin);
            Assert.True(evil.AllowOrigin == EvilOrigin && evil.AllowCredentials == "true", evil.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: true);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS018_WildcardWithCredentialsHeaders_SentTogether_MiddlewareSendsTheOrigin()
    {
        var source = HandWritten("""
                    context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
                    context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
            """);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.WildcardOriginWithCredentialsHeader, UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey);

        await using (var before = await StartAsync(source))
        {
            // Browsers reject this pair for every credentialed request.
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == "*" && get.AllowCredentials == "true", get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.AllowOrigin == AppOrigin && fixedGet.AllowCredentials == "true", fixedGet.ToString());
        await AssertRefusedAsync(after, EvilOrigin);
    }

    /// <summary>An app whose inline middleware writes CORS headers; services are registered Startup-style (the live host builds the app).</summary>
    private static string HandWritten(string writes) => $$"""
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

    private static string App(string services, string pipeline) => $$"""
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

    private static async Task<string> VerifyFlaggedAndFixAsync(string source, string id, string equivalenceKey)
    {
        Assert.Contains(await AnalyzeAsync(source), d => d.Id == id);
        var fixedSource = await FixAsync(source, id, equivalenceKey);
        var after = await AnalyzeAsync(fixedSource);
        Assert.DoesNotContain(after, d => d.Id == id);
        Assert.DoesNotContain(after, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && d.Id.StartsWith("CORS", StringComparison.Ordinal));
        return fixedSource;
    }

    private static async Task AssertAllowedAsync(Running app, string origin, bool credentials)
    {
        var get = await app.GetAsync("/r", origin);
        Assert.True(get.Status == 200 && get.AllowOrigin == origin && (get.AllowCredentials == "true") == credentials, get.ToString());
        var preflight = await app.PreflightAsync("/r", origin);
        Assert.True(preflight.Status == 204 && preflight.AllowOrigin == origin, preflight.ToString());
    }

    private static async Task AssertRefusedAsync(Running app, string origin)
    {
        var get = await app.GetAsync("/r", origin);
        Assert.True(get.AllowOrigin is null, get.ToString());
        var preflight = await app.PreflightAsync("/r", origin);
        Assert.True(preflight.AllowOrigin is null, preflight.ToString());
    }
}
