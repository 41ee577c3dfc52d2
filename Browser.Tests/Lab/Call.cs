namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>A <c>fetch()</c> a page makes to the API.</summary>
/// <param name="ReadHeader">A response header the page reads after the call (a non-safelisted one only a CORS exposure makes readable).</param>
/// <param name="Json">A PUT whose body is JSON, sent with <c>Content-Type: application/json</c>, which the preflight asks for.</param>
/// <param name="Hub">Not a fetch: the page connects to the SignalR hub at <paramref name="Path"/> with the real JavaScript client and invokes <c>Echo("ok")</c>.</param>
internal sealed record Call(string Label, string Method, string Path, bool Credentials, string? ReadHeader = null, bool Hub = false, bool Json = false)
{
    /// <summary>A simple request: no preflight.</summary>
    public static readonly Call Get = new("GET", "GET", "/r", Credentials: false);

    /// <summary>
    /// A PUT with a text body: the method alone makes the browser send a preflight first. (A JSON body would also ask for
    /// <c>Content-Type</c> in the preflight, which apps that list their headers by hand may never have allowed.)
    /// </summary>
    public static readonly Call Put = new("PUT", "PUT", "/r", Credentials: false);

    /// <summary>A PUT of JSON, as a front end saves a form: the preflight asks for the method and for <c>Content-Type</c>.</summary>
    public static readonly Call JsonPut = new("PUT with JSON", "PUT", "/r", Credentials: false, Json: true);

    /// <summary>A request with <c>credentials: 'include'</c> for the signed-in user's account, which only the session cookie unlocks.</summary>
    public static readonly Call SignedInGet = new("signed-in GET /account", "GET", BrowserLab.AccountPath, Credentials: true);

    /// <summary>A PUT with <c>credentials: 'include'</c>, for endpoints that require a signed-in user.</summary>
    public static readonly Call SignedInPut = new("signed-in PUT", "PUT", "/r", Credentials: true);

    /// <summary>A credentialed GET whose response carries a custom header the page wants to read.</summary>
    public static readonly Call CredentialedHeaderRead = new("credentialed GET, reading X-Request-Id", "GET", "/r", Credentials: true, ReadHeader: "X-Request-Id");

    /// <summary>
    /// <c>new HubConnectionBuilder().withUrl(hub).build()</c>, <c>start()</c>, <c>invoke("Echo", "ok")</c>: the client's defaults,
    /// so negotiate is a credentialed POST (GROUND_TRUTH 55).
    /// </summary>
    public static readonly Call HubEcho = new("SignalR start() and Echo(\"ok\")", "POST", "/hub", Credentials: false, Hub: true);

    public override string ToString() => Label;
}
