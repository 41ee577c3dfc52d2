using System;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using static CorsAnalyzers.Tests.Live.LiveApp;
using static CorsAnalyzers.Tests.Live.LiveChecks;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// Each rule's claim shown on a real Kestrel server: the flagged code misbehaves as the message says, and the code the
/// fix produces works (the intended origin is allowed, an attacker's origin is refused, the app starts).
/// </summary>
public sealed class LiveVerificationTests
{
    [Fact]
    public async Task CORS001_AnyOriginWithCredentials_AppFailsToStart_FixedAppAllowsConfiguredOriginOnly()
    {
        var scenario = LiveScenarios.AnyOriginWithCredentials;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.HandBuiltPolicyWithStarAndCredentials;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.AlwaysTruePredicate;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.SuffixCheck;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();
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
    public async Task CORS004_SharedHostingSuffix_AcceptsAnyVercelSite_FixedCheckAllowsTheConfiguredOriginOnly()
    {
        var source = LiveScenarios.App(
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin => origin.EndsWith(\".vercel.app\")).AllowAnyMethod().AllowCredentials()));",
            "app.UseCors();\n" + LiveScenarios.Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.BypassableOriginCheck, BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey);
        const string stranger = "https://someone-else.vercel.app";

        await using (var before = await StartAsync(source))
        {
            var evil = await before.GetAsync("/r", stranger);
            Assert.True(evil.AllowOrigin == stranger && evil.AllowCredentials == "true", evil.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: true);
        await AssertRefusedAsync(after, stranger);
    }

    [Fact]
    public async Task CORS004_SharedHostingSuffixOnParsedHostLocal_AnyVercelSiteReadsWithCredentials_FixedCheckAllowsTheConfiguredAndExactOrigins()
    {
        var source = LiveScenarios.App(
            """
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(origin =>
            {
                if (string.IsNullOrWhiteSpace(origin))
                    return false;

                var parsed = new Uri(origin);
                return parsed.Host.EndsWith(".vercel.app") || origin == "https://shop.example";
            }).AllowAnyMethod().AllowCredentials()));
            """,
            "app.UseCors();\n" + LiveScenarios.Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.BypassableOriginCheck, BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey);
        Assert.DoesNotContain("new Uri", fixedSource);
        const string mine = "https://mine.vercel.app";
        const string stranger = "https://someone-else.vercel.app";
        var configuration = new System.Collections.Generic.Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = mine };

        await using (var before = await StartAsync(source, configuration))
        {
            var evil = await before.GetAsync("/r", stranger);
            Assert.True(evil.AllowOrigin == stranger && evil.AllowCredentials == "true", evil.ToString());
            var sandboxed = await before.GetAsync("/r", "null");
            Assert.True(sandboxed.Status == 500, sandboxed.ToString());
        }

        await using var after = await StartAsync(fixedSource, configuration);
        await AssertAllowedAsync(after, mine, credentials: true);
        await AssertAllowedAsync(after, "https://shop.example", credentials: true);
        await AssertRefusedAsync(after, stranger);
        var fixedSandboxed = await after.GetAsync("/r", "null");
        Assert.True(fixedSandboxed.Status == 200 && fixedSandboxed.AllowOrigin is null, fixedSandboxed.ToString());
    }

    [Fact]
    public async Task CORS017_EchoBesideTheCorsMiddleware_AnyOriginReadsWithCredentials_RemovedHeadersLeaveThePolicy()
    {
        var source = LiveScenarios.App(
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowCredentials()));",
            """
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"];
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                await next();
            });
            app.UseCors();
            """ + "\n" + LiveScenarios.Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.HandWrittenCorsHeaders, UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey);
        Assert.DoesNotContain("Access-Control-Allow-Origin", fixedSource);

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
    public async Task CORS016_TwoLayers_MiddlewareReplacesTheHandWrittenMethods_FoldedPolicyAnswersPut()
    {
        // The hand-written layer runs first, but the CORS middleware answers the preflight with its own methods, replacing
        // the hand-written list: PUT never worked (Chromium: not allowed by Access-Control-Allow-Methods). The fix adds PUT
        // to the policy and removes the headers.
        var scenario = LiveScenarios.HeadersBesideGetOnlyPolicy;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.DoesNotContain("Access-Control-", fixedSource);
        Assert.Contains(".WithMethods(\"PUT\")", fixedSource);

        await using (var before = await StartAsync(scenario.Source))
        {
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == AppOrigin, get.ToString());
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.AllowOrigin == AppOrigin && preflight.AllowMethods == "GET", preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.AllowOrigin == AppOrigin && fixedPreflight.AllowMethods!.Contains("PUT") && fixedPreflight.AllowHeaders!.Contains("Content-Type", StringComparison.OrdinalIgnoreCase), fixedPreflight.ToString());
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS016_TwoLayers_AppendedAtResponseStart_DoublesTheOrigin_FixedAppSendsOne()
    {
        var scenario = LiveScenarios.AppendedAtStartBesideGetOnlyPolicy;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.True(!fixedSource.Contains("OnStarting"), fixedSource);

        await using (var before = await StartAsync(scenario.Source))
        {
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == AppOrigin + "," + AppOrigin, get.ToString());
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.AllowOrigin == AppOrigin + "," + AppOrigin, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.AllowOrigin == AppOrigin, fixedGet.ToString());
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS016_ClassThatNothingRegisters_SendsNothing_RemovingItChangesNothing()
    {
        var source = LiveScenarios.App("builder.Services.AddRouting();", LiveScenarios.Endpoints) + """


            public class OpenCorsMiddleware
            {
                private readonly RequestDelegate _next;

                public OpenCorsMiddleware(RequestDelegate next) => _next = next;

                public System.Threading.Tasks.Task Invoke(HttpContext httpContext)
                {
                    httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                    return _next(httpContext);
                }
            }
            """;
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.HandWrittenCorsHeaders, UseCorsMiddlewareCodeFixProvider.RemoveUnusedClassKey);
        Assert.DoesNotContain("OpenCorsMiddleware", fixedSource);
        Assert.DoesNotContain("UseCors", fixedSource);

        foreach (var app in new[] { source, fixedSource })
        {
            await using var running = await StartAsync(app);
            var get = await running.GetAsync("/r", EvilOrigin);
            Assert.True(get.Status == 200 && get.AllowOrigin is null, get.ToString());
        }
    }

    [Fact]
    public async Task CORS018_BesideAStartupNothingReaches_ProgramsPolicyAnswers_FixRemovesTheBrokenPair()
    {
        // The program builds the app itself; the old Startup's stricter policy never runs, so the program's policy is the
        // one the fix keeps. Before: '*' with credentials on every response. After: '*' alone, from the program's policy.
        var scenario = LiveScenarios.WildcardWithCredentialsBesideUnreachedStartup;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.DoesNotContain("Access-Control-Allow-Credentials", fixedSource);
        Assert.Contains("app.UseCors(\"Legacy\");", fixedSource);

        await using (var before = await StartAsync(source))
        {
            var get = await before.GetAsync("/r", EvilOrigin);
            Assert.True(get.AllowOrigin == "*" && get.AllowCredentials == "true", get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", EvilOrigin);
        Assert.True(fixedGet.Status == 200 && fixedGet.AllowOrigin == "*" && fixedGet.AllowCredentials is null, fixedGet.ToString());
        var preflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(preflight.Status == 204 && preflight.AllowOrigin == "*", preflight.ToString());
    }

    [Fact]
    public async Task CORS017_LibraryPreflightEchoThroughTypedProperties_AnswersEvilOrigin_CheckedEchoAnswersTheConfiguredOriginOnly()
    {
        // The middleware as a class library ships it; the app that registers it is the live harness.
        var source = LiveScenarios.App("builder.Services.AddRouting();", "app.UseMiddleware<PreflightMiddleware>();\n" + LiveScenarios.Endpoints) + """


            public class PreflightMiddleware
            {
                private readonly RequestDelegate _next;

                public PreflightMiddleware(RequestDelegate next) => _next = next;

                public async System.Threading.Tasks.Task Invoke(HttpContext context)
                {
                    var request = context.Request;
                    if (HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0)
                    {
                        var headers = context.Response.Headers;
                        headers.AccessControlAllowOrigin = request.Headers.Origin.ToString();
                        headers.AccessControlAllowMethods = "GET, PUT";
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        return;
                    }

                    await _next(context);
                }
            }
            """;
        Assert.Contains(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.RequestOriginReflected);
        var fixedSource = await FixAsync(source, DiagnosticIds.RequestOriginReflected, RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        Assert.DoesNotContain(await AnalyzeAsync(fixedSource), d => d.Id == DiagnosticIds.RequestOriginReflected);

        await using (var before = await StartAsync(source))
        {
            var evil = await before.PreflightAsync("/r", EvilOrigin);
            Assert.True(evil.Status == 204 && evil.AllowOrigin == EvilOrigin, evil.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var app = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(app.Status == 204 && app.AllowOrigin == AppOrigin && app.AllowMethods == "GET, PUT", app.ToString());
        var refused = await after.PreflightAsync("/r", EvilOrigin);
        Assert.True(refused.AllowOrigin is null, refused.ToString());
    }

    [Theory]
    [InlineData("string.IsNullOrEmpty(origin) ? \"*\" : origin")]
    [InlineData("origin.Length > 0 ? origin : \"*\"")]
    public async Task CORS017_LibraryEchoWithWildcardFallback_AnswersEvilOriginAndStar_CheckedEchoAnswersTheConfiguredOriginOnly(string value)
    {
        // A class library's middleware that echoes the caller with cookies, or "*" when the request has no Origin.
        var source = LiveScenarios.App("builder.Services.AddRouting();", "app.UseMiddleware<EchoOriginMiddleware>();\n" + LiveScenarios.Endpoints) + $$"""


            public class EchoOriginMiddleware(RequestDelegate next)
            {
                public System.Threading.Tasks.Task InvokeAsync(HttpContext ctx)
                {
                    var origin = ctx.Request.Headers["Origin"].ToString();
                    ctx.Response.Headers.Append("Access-Control-Allow-Origin", {{value}});
                    ctx.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                    return next(ctx);
                }
            }
            """;
        Assert.Contains(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.RequestOriginReflected);
        var fixedSource = await FixAsync(source, DiagnosticIds.RequestOriginReflected, RequestOriginReflectedCodeFixProvider.CheckConfiguredOriginsKey, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        Assert.DoesNotContain(await AnalyzeAsync(fixedSource), d => d.Id == DiagnosticIds.RequestOriginReflected);

        await using (var before = await StartAsync(source))
        {
            var evil = await before.GetAsync("/r", EvilOrigin);
            Assert.True(evil.Status == 200 && evil.AllowOrigin == EvilOrigin && evil.AllowCredentials == "true", evil.ToString());
            var noOrigin = await before.GetAsync("/r", null);
            Assert.True(noOrigin.AllowOrigin == "*", noOrigin.ToString());
        }

        // Never wider than before: the configured origin keeps its answer, every other origin and a request without one get none.
        await using var after = await StartAsync(fixedSource);
        var app = await after.GetAsync("/r", AppOrigin);
        Assert.True(app.Status == 200 && app.AllowOrigin == AppOrigin && app.AllowCredentials == "true", app.ToString());
        var refused = await after.GetAsync("/r", EvilOrigin);
        Assert.True(refused.AllowOrigin is null, refused.ToString());
        var withoutOrigin = await after.GetAsync("/r", null);
        Assert.True(withoutOrigin.Status == 200 && withoutOrigin.AllowOrigin is null, withoutOrigin.ToString());
    }

    [Fact]
    public async Task CORS005_NullOrigin_IsEchoed_FixedAppRefusesIt()
    {
        var scenario = LiveScenarios.NullOrigin;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
    [InlineData("https:app.example", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey)]
    [InlineData("https://app.example,https://other.example", OriginNeverMatchesCodeFixProvider.SplitOriginsKey)]
    public async Task CORS007_OriginBrowsersNeverSend_NeverMatches_FixedOriginMatches(string origin, string fixKey)
    {
        var scenario = LiveScenarios.OriginBrowsersNeverSend(origin, fixKey);
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.WildcardWithoutFlag;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.UseCorsWithoutServices;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();
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
        var scenario = LiveScenarios.PolicyWithoutUseCors;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();
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
        var scenario = LiveScenarios.UseCorsBeforeRoutingWithEndpointMetadata;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

        await using (var before = await StartAsync(source))
        {
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.Status == 500, get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CORS012_UseCorsAfterAuthorization_PreflightGetsChallenge_FixedOrderAnswersPreflight(bool discarded)
    {
        var scenario = discarded ? LiveScenarios.UseCorsAfterAuthorizationDiscarded : LiveScenarios.UseCorsAfterAuthorization;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.Contains(discarded ? "_ = app.UseCors();" : "app.UseCors();", fixedSource, StringComparison.Ordinal);

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
        var scenario = LiveScenarios.UnknownPolicyName;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin, credentials: false);
    }

    [Fact]
    public async Task CORS013_PolicyNeverAdded_Preflight405_AddedPolicyAnswersTheConfiguredOriginOnly()
    {
        var scenario = LiveScenarios.PolicyNeverAdded;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.Contains("Cors:AllowedOrigins", fixedSource);

        await using (var before = await StartAsync(scenario.Source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 405 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin, fixedPreflight.ToString());
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS012_UseCorsAfterUseEndpoints_NeverRuns_FixedOrderAnswers()
    {
        var scenario = LiveScenarios.UseCorsAfterUseEndpoints;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.UseCorsAfterOutputCache;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.HandWrittenHeaders;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.EchoedOriginWithCredentials;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
        var scenario = LiveScenarios.WildcardWithCredentialsHeaders;
        var source = scenario.Source;
        var fixedSource = await scenario.FlagAndFixAsync();

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
}
