using System.Threading.Tasks;
using static CorsAnalyzers.Tests.Live.LiveApp;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// Values the framework sends as written and browsers cannot use (CORS024, CORS028), and a policy that overrides its own
/// origin check (CORS027), on a real Kestrel server: the server
/// answers and logs success, only the header values show the mistake. Each test shows it, then that the fixed app sends
/// what browsers accept.
/// </summary>
public sealed class LiveMalformedValueTests
{
    [Fact]
    public async Task CORS024_CommaJoinedMethods_SentQuoted_FixedAppSendsAList()
    {
        var fixedSource = await LiveScenarios.CommaJoinedMethods.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.CommaJoinedMethods.Source))
        {
            // GROUND_TRUTH 39: one quoted value, which Chromium cannot parse (fact 40).
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin == AppOrigin && preflight.AllowMethods == "\"GET,PUT\"", preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin && fixedPreflight.AllowMethods == "GET,PUT", fixedPreflight.ToString());
    }

    [Fact]
    public async Task CORS024_CommaJoinedExposedHeaders_SentQuoted_FixedAppSendsAList()
    {
        var fixedSource = await LiveScenarios.CommaJoinedExposedHeaders.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.CommaJoinedExposedHeaders.Source))
        {
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == AppOrigin && get.ExposeHeaders == "\"X-Request-Id, X-Total-Count\"", get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.AllowOrigin == AppOrigin && fixedGet.ExposeHeaders == "X-Request-Id,X-Total-Count", fixedGet.ToString());
    }

    [Fact]
    public async Task CORS027_AnyOriginOverridesTheCheck_EveryOriginAllowed_FixedAppRunsTheCheck()
    {
        var fixedSource = await LiveScenarios.OriginCheckOverridden.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.OriginCheckOverridden.Source))
        {
            // GROUND_TRUTH 52: "*" for every origin, the predicate never runs.
            var get = await before.GetAsync("/r", EvilOrigin);
            Assert.True(get.Status == 200 && get.AllowOrigin == "*", get.ToString());
            var preflight = await before.PreflightAsync("/r", EvilOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin == "*", preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        await LiveChecks.AssertAllowedAsync(after, AppOrigin);
        await LiveChecks.AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS028_TrueToString_SendsTitleCase_FixedAppSendsTrue()
    {
        var fixedSource = await LiveScenarios.CredentialsTrueToString.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.CredentialsTrueToString.Source))
        {
            // GROUND_TRUTH 48: Chromium blocks every credentialed request on "True".
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == AppOrigin && get.AllowCredentials == "True", get.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.AllowOrigin == AppOrigin && fixedGet.AllowCredentials == "true", fixedGet.ToString());
    }

    [Fact]
    public async Task CORS007_MisplacedWildcard_MatchesNoOrigin_FixedAppAnswersTheSame()
    {
        var fixedSource = await LiveScenarios.MisplacedWildcard.FlagAndFixAsync();
        Assert.DoesNotContain("app.example:*", fixedSource);

        foreach (var source in new[] { LiveScenarios.MisplacedWildcard.Source, fixedSource })
        {
            await using var running = await StartAsync(source);
            // GROUND_TRUTH 50: the '*' is compared literally; neither the origin without a port nor one with a port matches.
            await LiveChecks.AssertRefusedAsync(running, AppOrigin);
            await LiveChecks.AssertRefusedAsync(running, "https://app.example:8443");
            await LiveChecks.AssertAllowedAsync(running, "https://admin.example");
        }

        await using var flagged = await StartAsync(LiveScenarios.App(
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"http://localhost:*\").SetIsOriginAllowedToAllowWildcardSubdomains().AllowAnyMethod().AllowAnyHeader()));",
            "app.UseCors();\n" + LiveScenarios.Endpoints));
        await LiveChecks.AssertRefusedAsync(flagged, "http://localhost:5173");
        var literal = await flagged.GetAsync("/r", "http://localhost:*");
        Assert.True(literal.AllowOrigin == "http://localhost:*", literal.ToString());
    }
}
