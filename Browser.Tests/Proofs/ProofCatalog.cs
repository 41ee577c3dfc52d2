using System;
using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.Browser.Tests.Lab;
using CorsAnalyzers.CodeFixes;
using CorsAnalyzers.Tests.Live;
using static CorsAnalyzers.Browser.Tests.Lab.Call;
using static CorsAnalyzers.Browser.Tests.Lab.Page;
using static CorsAnalyzers.Browser.Tests.Proofs.Seen;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>Every rule whose consequence a page can see, proven in Chromium before and after the repair.</summary>
internal static class ProofCatalog
{
    public static readonly IReadOnlyList<BrowserProof> PolicyContent = new[]
    {
        new BrowserProof(
            "CORS001", "`AllowAnyOrigin().AllowCredentials()`", Fix(LiveScenarios.AnyOriginWithCredentials),
            Before: [E(App, Get, NoServer)],
            After: [E(App, SignedInGet, Reads), E(Evil, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS001", "hand-built `CorsPolicy` with `*` and credentials", Fix(LiveScenarios.HandBuiltPolicyWithStarAndCredentials),
            Before: [E(App, Get, Blocked)],
            After: [E(App, Get, Reads), E(Evil, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS002", "`SetIsOriginAllowed(_ => true)` with credentials", Fix(LiveScenarios.AlwaysTruePredicate),
            Before: [E(Evil, SignedInGet, Reads)],
            After: [E(App, SignedInGet, Reads), E(Evil, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS004", "`uri.Host.EndsWith(\"app.example\")` after `Uri.TryCreate` with credentials", Fix(LiveScenarios.SuffixCheck),
            Before: [E(LookAlike, SignedInGet, Reads)],
            After: [E(App, SignedInGet, Reads), E(Subdomain, SignedInGet, Reads), E(LookAlike, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS005", "`WithOrigins(\"https://app.example\", \"null\")`", Fix(LiveScenarios.NullOrigin),
            Before: [E(SandboxedFrame, Get, Reads)],
            After: [E(App, Get, Reads), E(SandboxedFrame, Get, Blocked), E(Evil, Get, Blocked)]),
        NeverMatches("https://app.example/", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey),
        NeverMatches("https://app.example/login", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey),
        NeverMatches("app.example", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey),
        NeverMatches("https://app.example:443", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey),
        NeverMatches(" https://app.example", OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey),
        NeverMatches("https://app.example,https://other.example", OriginNeverMatchesCodeFixProvider.SplitOriginsKey),
        new BrowserProof(
            "CORS007", "`WithOrigins(\"https://app.example:*\", \"https://admin.example\")`", Fix(LiveScenarios.MisplacedWildcard),
            Before: [E(App, Put, Blocked), E(Admin, Put, Reads)],
            After: [E(App, Put, Blocked), E(Admin, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS008", "`WithOrigins(\"https://*.app.example\")` without the wildcard flag", Fix(LiveScenarios.WildcardWithoutFlag),
            Before: [E(Subdomain, Put, Blocked)],
            After: [E(Subdomain, Put, Reads), E(PrefixLookAlike, Put, Blocked)]),
        new BrowserProof(
            "CORS022", "`WithExposedHeaders(\"*\")` with credentials", new Change.HandWritten(HandWrittenRepairs.ExposeAllWithCredentials, HandWrittenRepairs.ExposeNamedHeader),
            Before: [E(App, CredentialedHeaderRead, ReadsWithoutHeader)],
            After: [E(App, CredentialedHeaderRead, Reads), E(Evil, CredentialedHeaderRead, Blocked)]),
        new BrowserProof(
            "CORS024", "`WithMethods(\"GET,PUT\")`", Fix(LiveScenarios.CommaJoinedMethods),
            Before: [E(App, Put, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS024", "`WithExposedHeaders(\"X-Request-Id, X-Total-Count\")` with credentials", Fix(LiveScenarios.CommaJoinedExposedHeaders),
            Before: [E(App, CredentialedHeaderRead, ReadsWithoutHeader)],
            After: [E(App, CredentialedHeaderRead, Reads), E(Evil, CredentialedHeaderRead, Blocked)]),

        // The server's 500 (UriFormatException) is not visible to the page: it sees the same CORS refusal before and after.
        new BrowserProof(
            "CORS026", "`SetIsOriginAllowed(origin => new Uri(origin).Host == \"app.example\")`", Fix(LiveScenarios.OriginParseThrowsOnNull),
            Before: [E(App, Get, Reads), E(SandboxedFrame, Get, Blocked)],
            After: [E(App, Get, Reads), E(SandboxedFrame, Get, Blocked), E(Evil, Get, Blocked)]),
    };

    public static readonly IReadOnlyList<BrowserProof> Pipeline = new[]
    {
        new BrowserProof(
            "CORS010", "`UseCors` without `AddCors`", Fix(LiveScenarios.UseCorsWithoutServices),
            Before: [E(App, Get, NoServer)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS011", "a policy and no `UseCors`", Fix(LiveScenarios.PolicyWithoutUseCors),
            Before: [E(App, Put, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS012", "`UseCors` before `UseRouting` with `RequireCors`", Fix(LiveScenarios.UseCorsBeforeRoutingWithEndpointMetadata),
            Before: [E(App, Get, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS012", "`UseCors` after `UseAuthorization`, endpoint requires a signed-in user", Fix(LiveScenarios.UseCorsAfterAuthorization),
            Before: [E(App, SignedInPut, Blocked)],
            After: [E(App, SignedInPut, Reads), E(Evil, SignedInPut, Blocked)]),
        new BrowserProof(
            "CORS012", "`UseCors` after `UseEndpoints`", Fix(LiveScenarios.UseCorsAfterUseEndpoints),
            Before: [E(App, Put, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS012", "`UseCors` after `UseOutputCache`, response cached by a visit", Fix(LiveScenarios.UseCorsAfterOutputCache),
            Before: [E(App, Get, Blocked)],
            After: [E(App, Get, Reads), E(Evil, Get, Blocked)],
            VisitFirst: "/r"),
        new BrowserProof(
            "CORS013", "`UseCors(\"Spa\")` for the policy `spa`", Fix(LiveScenarios.UnknownPolicyName),
            Before: [E(App, Put, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS023", "`UseCors(\"app\")` then `UseCors(\"admin\")`", new Change.HandWritten(HandWrittenRepairs.TwoMiddlewares, HandWrittenRepairs.OneMiddleware),
            Before: [E(App, Put, Reads), E(Admin, Put, Blocked)],
            After: [E(App, Put, Reads), E(Admin, Put, Reads), E(Evil, Put, Blocked)]),
        new BrowserProof(
            "CORS029", "`MapHub<EchoHub>(\"/hub\").RequireCors(\"hub\")` with a policy without `AllowCredentials()`", Fix(LiveScenarios.HubWithoutCredentials),
            Before: [E(App, HubEcho, Blocked)],
            After: [E(App, HubEcho, Reads), E(Evil, HubEcho, Blocked)]),
        new BrowserProof(
            "CORS025", "no `UseAuthorization`, endpoint with `RequireCors` requires a signed-in user", Fix(LiveScenarios.AuthorizationBeforeCorsEndpointPolicy),
            Before: [E(App, SignedInPut, Blocked)],
            After: [E(App, SignedInPut, Reads), E(Evil, SignedInPut, Blocked)]),
    };

    public static readonly IReadOnlyList<BrowserProof> HandWrittenHeaders = new[]
    {
        new BrowserProof(
            "CORS016", "middleware writing `Access-Control-Allow-Origin`", Fix(LiveScenarios.HandWrittenHeaders),
            Before: [E(App, Get, Reads), E(App, Put, Blocked)],
            After: [E(App, Put, Reads), E(Evil, Put, Blocked)]),

        // Two layers: the CORS middleware sets its headers with the indexer, replacing what a layer before it wrote (that
        // layer's PUT never reaches the browser); a layer that appends when the response starts doubles the origin.
        new BrowserProof(
            "CORS016", "middleware writing `Access-Control-Allow-Methods: GET, PUT` before `UseCors()` of a GET-only policy", Fix(LiveScenarios.HeadersBesideGetOnlyPolicy),
            Before: [E(App, Get, Reads), E(App, JsonPut, Blocked)],
            After: [E(App, Get, Reads), E(App, JsonPut, Reads), E(Evil, JsonPut, Blocked)]),
        new BrowserProof(
            "CORS016", "`OnStarting` appending `Access-Control-Allow-Origin` before `UseCors()` of a GET-only policy", Fix(LiveScenarios.AppendedAtStartBesideGetOnlyPolicy),
            Before: [E(App, Get, Blocked), E(App, JsonPut, Blocked)],
            After: [E(App, Get, Reads), E(App, JsonPut, Reads), E(Evil, JsonPut, Blocked)]),
        new BrowserProof(
            "CORS017", "middleware echoing `Origin` with credentials", Fix(LiveScenarios.EchoedOriginWithCredentials),
            Before: [E(Evil, SignedInGet, Reads)],
            After: [E(App, SignedInGet, Reads), E(Evil, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS018", "middleware writing `*` with `Allow-Credentials: true`", Fix(LiveScenarios.WildcardWithCredentialsHeaders),
            Before: [E(App, SignedInGet, Blocked)],
            After: [E(App, SignedInGet, Reads), E(Evil, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS018", "`*` with `Allow-Credentials: true` by hand after the program's `AllowAnyOrigin()` policy, beside an old `Startup` nothing runs",
            Fix(LiveScenarios.WildcardWithCredentialsBesideUnreachedStartup),
            Before: [E(App, SignedInGet, Blocked), E(App, Get, Reads)],
            After: [E(App, Get, Reads), E(App, SignedInGet, Blocked)]),
        new BrowserProof(
            "CORS028", "middleware writing `Allow-Credentials: true.ToString()`", Fix(LiveScenarios.CredentialsTrueToString),
            Before: [E(App, SignedInGet, Blocked)],
            After: [E(App, SignedInGet, Reads), E(Evil, SignedInGet, Blocked)]),
    };

    public static IEnumerable<BrowserProof> All => PolicyContent.Concat(Pipeline).Concat(HandWrittenHeaders);

    public static BrowserProof Find(string key) => All.Single(p => p.Key == key);

    public static TheoryData<string> Keys(IEnumerable<BrowserProof> proofs)
    {
        var data = new TheoryData<string>();
        foreach (var proof in proofs)
        {
            data.Add(proof.Key);
        }

        return data;
    }

    private static BrowserProof NeverMatches(string origin, string fixKey) => new(
        "CORS007", $"`WithOrigins(\"{origin}\")`", Fix(LiveScenarios.OriginBrowsersNeverSend(origin, fixKey)),
        Before: [E(App, Put, Blocked)],
        After: [E(App, Put, Reads), E(Evil, Put, Blocked)]);

    private static Change Fix(LiveScenario scenario) => new Change.CodeFix(scenario);

    private static Expectation E(Page page, Call call, Seen seen) => new(page, call, seen);
}
