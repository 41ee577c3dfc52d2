using System.Linq;
using CorsAnalyzers.CodeFixes;
using System.Threading.Tasks;
using static CorsAnalyzers.Tests.Live.LiveApp;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// CORS025 on a real Kestrel server: without an explicit UseAuthorization, WebApplication authenticates and authorizes
/// before the app's UseCors (GROUND_TRUTH 41-45). Each test shows the failure, then that the fixed app answers.
/// </summary>
public sealed class LiveAuthorizationOrderTests
{
    [Fact]
    public async Task CORS025_EndpointPolicy_PreflightChallenged_FixedAppAnswersIt()
    {
        var fixedSource = await LiveScenarios.AuthorizationBeforeCorsEndpointPolicy.FlagAndFixAsync();
        Assert.Contains("app.UseCors();\n        app.UseAuthentication();\n        app.UseAuthorization();", fixedSource.Replace("\r\n", "\n"));

        await using (var before = await StartAsync(LiveScenarios.AuthorizationBeforeCorsEndpointPolicy.Source))
        {
            // GROUND_TRUTH 44: the preflight gets the cookie challenge, without CORS headers.
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 302 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin && fixedPreflight.AllowCredentials == "true", fixedPreflight.ToString());
        var signedOut = await after.GetAsync("/r", AppOrigin);
        Assert.True(signedOut.Status == 302 && signedOut.AllowOrigin == AppOrigin, signedOut.ToString());
    }

    [Fact]
    public async Task CORS025_MiddlewarePolicy_ChallengeWithoutCorsHeaders_FixedAppSendsThem()
    {
        var fixedSource = await LiveScenarios.AuthorizationBeforeCorsMiddlewarePolicy.FlagAndFixAsync();

        await using (var before = await StartAsync(LiveScenarios.AuthorizationBeforeCorsMiddlewarePolicy.Source))
        {
            // GROUND_TRUTH 43: the preflight passes, the signed-out answer has no ACAO, so the page cannot read it.
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin == AppOrigin, preflight.ToString());
            var signedOut = await before.GetAsync("/r", AppOrigin);
            Assert.True(signedOut.Status == 302 && signedOut.AllowOrigin is null, signedOut.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedSignedOut = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedSignedOut.Status == 302 && fixedSignedOut.AllowOrigin == AppOrigin && fixedSignedOut.AllowCredentials == "true", fixedSignedOut.ToString());
    }

    [Theory]
    [InlineData("app.UseCors();\napp.UseAuthentication();", true)]
    [InlineData("app.UseAuthentication();\napp.UseCors();\napp.UseAuthorization();", false)]
    [InlineData("app.UseCors();\napp.UseAuthorization();", false)]
    public async Task CORS025_WhichOrdersWork_AsTheRuleSays(string pipeline, bool reported)
    {
        var source = LiveScenarios.App(
            LiveScenarios.SignInServices,
            pipeline + "\napp.MapGet(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();\napp.MapPut(\"/r\", () => \"ok\").RequireCors(\"A\").RequireAuthorization();");
        Assert.Equal(reported, (await AnalyzeAsync(source)).Any(d => d.Id == DiagnosticIds.AuthorizationBeforeCors));

        // UseAuthentication alone after UseCors does not help: the automatic authorization still runs first.
        await using var running = await StartAsync(source);
        var preflight = await running.PreflightAsync("/r", AppOrigin);
        Assert.True(reported ? preflight.Status == 302 && preflight.AllowOrigin is null : preflight.Status == 204 && preflight.AllowOrigin == AppOrigin, preflight.ToString());
    }

    [Fact]
    public async Task CORS025_FallbackPolicy_ChallengesPreflightsEvenWithMiddlewarePolicy()
    {
        var source = LiveScenarios.App(
            "builder.Services.AddAuthentication(\"cookie\").AddCookie(\"cookie\");\nbuilder.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());\nbuilder.Services.AddCors(o => o.AddPolicy(\"A\", p => p.WithOrigins(\"https://app.example\").AllowAnyMethod().AllowAnyHeader().AllowCredentials()));",
            "app.UseRouting();\napp.UseCors(\"A\");\n" + LiveScenarios.Endpoints);
        var fixedSource = await LiveChecks.VerifyFlaggedAndFixAsync(source, DiagnosticIds.AuthorizationBeforeCors, AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey);

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/r", AppOrigin);
            Assert.True(preflight.Status == 302 && preflight.AllowOrigin is null, preflight.ToString());
        }

        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin, fixedPreflight.ToString());
    }

    [Fact]
    public async Task CORS025_ExplicitRoutingWithEndpointRequirement_NotReported_EveryRequestFailsLoudly()
    {
        // The automatic authorization runs before UseRouting and sees no endpoint: the endpoint middleware then fails every
        // request with the framework's own 500, same-origin ones too; the preflight passes. Not a CORS mistake.
        var source = LiveScenarios.App(
            LiveScenarios.SignInServices,
            "app.UseRouting();\napp.UseCors(\"A\");\napp.MapGet(\"/r\", () => \"ok\").RequireAuthorization();\napp.MapPut(\"/r\", () => \"ok\").RequireAuthorization();");
        Assert.DoesNotContain(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.AuthorizationBeforeCors);

        await using var running = await StartAsync(source);
        var preflight = await running.PreflightAsync("/r", AppOrigin);
        Assert.True(preflight.Status == 204 && preflight.AllowOrigin == AppOrigin, preflight.ToString());
        var sameOrigin = await running.GetAsync("/r", null);
        Assert.True(sameOrigin.Status == 500, sameOrigin.ToString());
    }

    [Theory]
    [InlineData(".RequireAuthorization()", true)]
    [InlineData("", false)]
    public async Task CORS025_RouteGroupRequirement_PreflightChallenged_FixedAppAnswersIt(string requirement, bool reported)
    {
        // The group's convention reaches every endpoint mapped on it: the same challenge as an endpoint's own requirement.
        var source = LiveScenarios.App(
            LiveScenarios.SignInServices,
            "app.UseCors();\nvar manage = app.MapGroup(\"/manage\").RequireCors(\"A\")" + requirement + ";\nmanage.MapGet(\"/r\", () => \"ok\");\nmanage.MapPut(\"/r\", () => \"ok\");");
        Assert.Equal(reported, (await AnalyzeAsync(source)).Any(d => d.Id == DiagnosticIds.AuthorizationBeforeCors));

        await using (var before = await StartAsync(source))
        {
            var preflight = await before.PreflightAsync("/manage/r", AppOrigin);
            Assert.True(reported ? preflight.Status == 302 && preflight.AllowOrigin is null : preflight.Status == 204 && preflight.AllowOrigin == AppOrigin, preflight.ToString());
        }

        if (!reported)
        {
            return;
        }

        var fixedSource = await LiveChecks.VerifyFlaggedAndFixAsync(source, DiagnosticIds.AuthorizationBeforeCors, AuthorizationBeforeCorsCodeFixProvider.AddUseAuthorizationKey);
        await using var after = await StartAsync(fixedSource);
        var fixedPreflight = await after.PreflightAsync("/manage/r", AppOrigin);
        Assert.True(fixedPreflight.Status == 204 && fixedPreflight.AllowOrigin == AppOrigin && fixedPreflight.AllowCredentials == "true", fixedPreflight.ToString());
        var signedOut = await after.GetAsync("/manage/r", AppOrigin);
        Assert.True(signedOut.Status == 302 && signedOut.AllowOrigin == AppOrigin, signedOut.ToString());
    }
}
