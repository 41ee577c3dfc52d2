using System.Collections.Generic;
using System.Threading.Tasks;
using static CorsAnalyzers.Tests.Live.LiveApp;
using static CorsAnalyzers.Tests.Live.LiveChecks;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// An origin check that throws on <c>Origin: null</c> (CORS026), a policy that opens to every origin when its setting is
/// missing (CORS030) and one whose fallback origin never matches (CORS007), on a real Kestrel server: each test shows the
/// failure, then that the fixed app answers as intended.
/// </summary>
public sealed class LiveOriginFallbackTests
{
    private const string NullOrigin = "null";

    [Fact]
    public async Task CORS026_NullOrigin_Gets500WithoutCorsHeaders_FixedAppRefusesItCleanly()
    {
        var scenario = LiveScenarios.OriginParseThrowsOnNull;
        var fixedSource = await scenario.FlagAndFixAsync();

        await using (var before = await StartAsync(scenario.Source))
        {
            // GROUND_TRUTH 46: UriFormatException inside the CORS middleware, on the simple request and on the preflight.
            var get = await before.GetAsync("/r", NullOrigin);
            Assert.True(get.Status == 500 && get.AllowOrigin is null, get.ToString());
            var preflight = await before.PreflightAsync("/r", NullOrigin);
            Assert.True(preflight.Status == 500 && preflight.AllowOrigin is null, preflight.ToString());
            await AssertAllowedAsync(before, AppOrigin);
        }

        await using var after = await StartAsync(fixedSource);
        var fixedGet = await after.GetAsync("/r", NullOrigin);
        Assert.True(fixedGet.Status == 200 && fixedGet.AllowOrigin is null, fixedGet.ToString());
        var fixedPreflight = await after.PreflightAsync("/r", NullOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin is null, fixedPreflight.ToString());
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS030_SettingMissing_EveryOriginAllowed_FixedAppAllowsNone()
    {
        var scenario = LiveScenarios.AnyOriginFallback;
        var fixedSource = await scenario.FlagAndFixAsync();
        var missing = new Dictionary<string, string?>();

        await using (var before = await StartAsync(scenario.Source, missing))
        {
            var get = await before.GetAsync("/r", EvilOrigin);
            Assert.True(get.Status == 200 && get.AllowOrigin == "*", get.ToString());
            var preflight = await before.PreflightAsync("/r", EvilOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin == "*", preflight.ToString());
        }

        await using (var after = await StartAsync(fixedSource, missing))
        {
            await AssertRefusedAsync(after, EvilOrigin);
            await AssertRefusedAsync(after, AppOrigin);
        }

        // With the setting present both versions allow the configured origin only.
        await using (var configuredBefore = await StartAsync(scenario.Source))
        {
            await AssertAllowedAsync(configuredBefore, AppOrigin);
            await AssertRefusedAsync(configuredBefore, EvilOrigin);
        }

        await using var configuredAfter = await StartAsync(fixedSource);
        await AssertAllowedAsync(configuredAfter, AppOrigin);
        await AssertRefusedAsync(configuredAfter, EvilOrigin);
    }

    [Fact]
    public async Task CORS007_FallbackWithDefaultPort_SettingMissing_NoOriginMatches_FixedFallbackMatches()
    {
        var scenario = LiveScenarios.FallbackOriginWithDefaultPort;
        var fixedSource = await scenario.FlagAndFixAsync();
        Assert.Contains("?? new[] { \"https://app.example\" }", fixedSource);
        var missing = new Dictionary<string, string?>();

        await using (var before = await StartAsync(scenario.Source, missing))
        {
            // The fallback is the list, and the browser's Origin has no ":443": the app's own front end is refused.
            await AssertRefusedAsync(before, AppOrigin);
        }

        await using (var after = await StartAsync(fixedSource, missing))
        {
            await AssertAllowedAsync(after, AppOrigin);
            await AssertRefusedAsync(after, EvilOrigin);
        }

        // With the setting present the fallback is not used, before or after the fix.
        await using var configured = await StartAsync(fixedSource);
        await AssertAllowedAsync(configured, AppOrigin);
    }
}
