using System.Collections.Generic;
using System.Threading.Tasks;
using static CorsAnalyzers.Tests.Live.LiveApp;
using static CorsAnalyzers.Tests.Live.LiveChecks;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// An origin check that throws on <c>Origin: null</c> (CORS026) and a policy that opens to every origin when its setting is
/// missing (CORS030), on a real Kestrel server: each test shows the failure, then that the fixed app answers as intended.
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
}
