using System.Threading.Tasks;
using static CorsAnalyzers.Tests.Live.LiveApp;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// CORS029 on a real Kestrel server: the SignalR negotiate request, preflighted and sent as the JavaScript client sends it
/// (POST, credentialed). The server answers it from the listed origin, but without the credentials header a browser needs
/// for a credentialed request; the fixed app sends it.
/// </summary>
public sealed class LiveHubTests
{
    private const string Negotiate = "/hub/negotiate?negotiateVersion=1";

    [Fact]
    public async Task CORS029_HubPolicyWithoutCredentials_NegotiateLacksCredentialsHeader_FixedAppSendsIt()
    {
        var fixedSource = await LiveScenarios.HubWithoutCredentials.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.HubWithoutCredentials.Source))
        {
            // GROUND_TRUTH 55: the origin is allowed, credentials are not, so a credentialed fetch is blocked.
            var preflight = await before.PreflightAsync(Negotiate, AppOrigin, "POST");
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin == AppOrigin && preflight.AllowCredentials is null, preflight.ToString());
            var negotiate = await before.PostAsync(Negotiate, AppOrigin);
            Assert.True(negotiate.Status == 200 && negotiate.AllowOrigin == AppOrigin && negotiate.AllowCredentials is null, negotiate.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync(Negotiate, AppOrigin, "POST");
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin && fixedPreflight.AllowCredentials == "true", fixedPreflight.ToString());
        var fixedNegotiate = await after.PostAsync(Negotiate, AppOrigin);
        Assert.True(fixedNegotiate.Status == 200 && fixedNegotiate.AllowOrigin == AppOrigin && fixedNegotiate.AllowCredentials == "true", fixedNegotiate.ToString());

        // Still only the listed origin (GROUND_TRUTH 56).
        var evil = await after.PostAsync(Negotiate, EvilOrigin);
        Assert.True(evil.AllowOrigin is null && evil.AllowCredentials is null, evil.ToString());
    }
}
