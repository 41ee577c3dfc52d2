using System.Net;
using System.Threading.Tasks;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// What each fixed app of <see cref="ClientAppMistakes"/> must answer: the allowed origin gets exactly its own origin back
/// (preflights included), any other origin gets no CORS header. Before the fixes the storefront and LegacyAdmin do not
/// start (CORS001, CORS010), and the other checks fail as their rule pages describe.
/// </summary>
internal static class LiveChecks
{
    private const string Evil = "https://evil.example";

    public static async Task StorefrontAsync(RunningApp app)
    {
        const string Spa = ClientAppMistakes.StorefrontOrigin;
        await app.ExpectAsync(app.PreflightAsync("/api/cart", Spa, "GET"), HttpStatusCode.NoContent, Spa, "CORS013: the endpoint names the policy that exists");
        await app.ExpectAsync(app.PreflightAsync("/api/account", Spa, "GET"), HttpStatusCode.NoContent, Spa, "CORS012: the preflight of an endpoint that requires authorization is answered before authentication");

        var partners = await app.ExpectAsync(app.GetAsync("/api/partners/catalog", Spa), HttpStatusCode.OK, Spa, "CORS001: the configured origin, with credentials");
        Assert.Equal("true", RunningApp.Header(partners, "Access-Control-Allow-Credentials"));
        await app.ExpectAsync(app.GetAsync("/api/partners/catalog", Evil), HttpStatusCode.OK, null, "CORS001: another origin");

        var dashboard = await app.ExpectAsync(app.GetAsync("/api/dashboard/stats", Spa), HttpStatusCode.OK, Spa, "CORS002: the configured origin, with credentials");
        Assert.Equal("true", RunningApp.Header(dashboard, "Access-Control-Allow-Credentials"));
        await app.ExpectAsync(app.GetAsync("/api/dashboard/stats", Evil), HttpStatusCode.OK, null, "CORS002: another origin is no longer reflected");
        await app.ExpectAsync(app.GetAsync("/api/dashboard/stats", "null"), HttpStatusCode.OK, null, "CORS002: the null origin is no longer reflected");

        await app.ExpectAsync(app.GetAsync("/api/tenant/settings", "https://shop.contoso.com"), HttpStatusCode.OK, "https://shop.contoso.com", "CORS004: a subdomain");
        await app.ExpectAsync(app.GetAsync("/api/tenant/settings", "https://evilcontoso.com"), HttpStatusCode.OK, null, "CORS004: a look-alike domain");
        await app.ExpectAsync(app.GetAsync("/api/tenant/settings", "http://shop.contoso.com"), HttpStatusCode.OK, null, "CORS004: plain http");

        await app.ExpectAsync(app.GetAsync("/Reports", Spa), HttpStatusCode.OK, null, "CORS015: [DisableCors] is what remains");
    }

    public static async Task LegacyAdminAsync(RunningApp app)
    {
        const string Admin = "https://admin.contoso.com";
        await app.ExpectAsync(app.GetAsync("/weatherforecast", Admin), HttpStatusCode.OK, Admin, "CORS010 (the app starts) and CORS007 (the origin matches)");
        await app.ExpectAsync(app.GetAsync("/weatherforecast", "null"), HttpStatusCode.OK, null, "CORS005: the null origin");
    }

    public static async Task ReportsApiAsync(RunningApp app)
    {
        const string Finance = "https://finance.contoso.com";
        var preflight = await app.ExpectAsync(app.PreflightAsync("/WeatherForecast", Finance, "GET"), HttpStatusCode.NoContent, Finance, "CORS011 (UseCors added) and CORS008 (a subdomain matches)");
        Assert.Equal("7200", RunningApp.Header(preflight, "Access-Control-Max-Age"));
        await app.ExpectAsync(app.GetAsync("/WeatherForecast", "https://finance.contoso.com.evil.example"), HttpStatusCode.OK, null, "CORS008: a look-alike domain");
    }

    public static async Task PartnerApiAsync(RunningApp app)
    {
        const string Partners = "https://partners.contoso.com";
        var preflight = await app.ExpectAsync(app.PreflightAsync("/WeatherForecast", Partners, "POST"), HttpStatusCode.NoContent, Partners, "CORS016: the middleware answers the preflight");
        Assert.Contains("POST", RunningApp.Header(preflight, "Access-Control-Allow-Methods"));
        await app.ExpectAsync(app.GetAsync("/WeatherForecast", Evil), HttpStatusCode.OK, null, "CORS016: another origin gets no header");
    }
}
