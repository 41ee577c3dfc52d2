using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

/// <summary>Every descriptor of the package, all built by one factory so help links and tags stay uniform.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>Where the rule pages live; each rule links to <c>docs/rules/{ID}.md</c> under it.</summary>
    public const string HelpLinkBase = "https://github.com/corsanalyzers/CorsAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor AnyOriginWithCredentials = Create(
        DiagnosticIds.AnyOriginWithCredentials,
        "Any origin combined with credentials",
        "This policy allows any origin ({0}) together with AllowCredentials(); building it throws InvalidOperationException, so the app fails to start",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        "The CORS protocol forbids 'Access-Control-Allow-Origin: *' together with credentials. CorsPolicyBuilder.Build() throws for such a policy: at UseCors(Action)/RequireCors(Action), or at app start for AddPolicy/AddDefaultPolicy, even when no endpoint uses the policy. List the trusted origins instead, or drop AllowCredentials().");

    /// <summary>CORS001 for a <c>CorsPolicy</c> built by hand: nothing throws at startup, every CORS request fails instead.</summary>
    public static readonly DiagnosticDescriptor AnyOriginWithCredentialsHandBuilt = Create(
        DiagnosticIds.AnyOriginWithCredentials,
        "Any origin combined with credentials",
        "This hand-built CorsPolicy has the origin \"*\" and SupportsCredentials = true; the CORS middleware throws on every request with an Origin header, so each one gets a 500",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        "The CORS protocol forbids 'Access-Control-Allow-Origin: *' together with credentials. A CorsPolicy created with 'new' skips the check CorsPolicyBuilder.Build() makes, so the app starts, and the CORS service throws ArgumentException for every request that carries an Origin header. List the trusted origins instead, or set SupportsCredentials to false.");

    public static readonly DiagnosticDescriptor AllOriginsTrustedWithCredentials = Create(
        DiagnosticIds.AllOriginsTrustedWithCredentials,
        "Every origin is trusted with credentials",
        "SetIsOriginAllowed accepts every origin and the policy allows credentials: any website, including 'null' from sandboxed frames, can read responses as the signed-in user",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "An origin predicate that always returns true makes the middleware reflect whatever Origin the request carries, with Access-Control-Allow-Credentials: true and Vary: Origin. The framework does not object; every website can then act as the signed-in user. List the trusted origins instead.");

    public static readonly DiagnosticDescriptor AnyOrigin = Create(
        DiagnosticIds.AnyOrigin,
        "Policy allows any origin",
        "This policy allows any origin ({0}): every website can read these responses; make sure the API is public",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Info,
        "AllowAnyOrigin(), WithOrigins(\"*\") or an always-true origin predicate without credentials lets every website read the responses. That is right for a public API and wrong for anything that relies on network position or cookies; this suggestion makes it a conscious choice.");

    public static readonly DiagnosticDescriptor BypassableOriginCheck = Create(
        DiagnosticIds.BypassableOriginCheck,
        "Origin check can be bypassed",
        "Origin check {0} can be bypassed: {1}",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "Suffix, prefix, substring and regular-expression checks on the origin are easy to get wrong: EndsWith(\"contoso.com\") accepts evilcontoso.com, StartsWith(\"https://contoso.com\") accepts https://contoso.com.evil.net, an unanchored or unescaped regex matches more than intended, and a suffix of a shared hosting domain admits every site anyone publishes there. Compare the parsed host exactly, or require a leading dot.");

    public static readonly DiagnosticDescriptor NullOriginTrusted = Create(
        DiagnosticIds.NullOriginTrusted,
        "The \"null\" origin is trusted",
        "The origin \"null\" is trusted: sandboxed iframes, file: pages and redirected requests of any site send 'Origin: null'",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "WithOrigins(\"null\") makes the middleware answer Access-Control-Allow-Origin: null, and any page can produce that origin with a sandboxed iframe. Remove it.");

    public static readonly DiagnosticDescriptor InsecureOriginWithCredentials = Create(
        DiagnosticIds.InsecureOriginWithCredentials,
        "Credentials sent to an insecure origin",
        "Credentials are allowed for the insecure origin '{0}': anyone on the network path can inject script into that page and act as the user",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "A page served over plain http can be modified in transit. Trusting it with credentials extends that to the API. Use https origins; loopback origins (localhost, 127.0.0.1, [::1]) are not reported.");

    public static readonly DiagnosticDescriptor OriginNeverMatches = Create(
        DiagnosticIds.OriginNeverMatches,
        "Origin can never match",
        "Origin '{0}' never matches: {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The middleware compares the request's Origin header with each configured origin by exact string equality (after lowercasing the configured value). Browsers send scheme://host[:port] with no trailing slash, path, surrounding spaces or default port, so such an entry never matches: the response has no Access-Control-Allow-Origin and the browser blocks the call, with only an Information log line on the server.");

    public static readonly DiagnosticDescriptor WildcardSubdomainIgnored = Create(
        DiagnosticIds.WildcardSubdomainIgnored,
        "Wildcard subdomain origin is ignored",
        "Origin '{0}' matches no subdomain: without SetIsOriginAllowedToAllowWildcardSubdomains() the '*' is a literal character",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "WithOrigins(\"https://*.example.com\") only matches subdomains when the same policy calls SetIsOriginAllowedToAllowWildcardSubdomains(); otherwise it is compared literally and matches nothing a browser sends.");

    public static readonly DiagnosticDescriptor PreflightMaxAgeTooLong = Create(
        DiagnosticIds.PreflightMaxAgeTooLong,
        "Preflight max age beyond browser limits",
        "Preflight max age of {0} seconds is more than browsers honour: Chromium caps it at 7200 seconds and Firefox at 86400",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Info,
        "The middleware sends Access-Control-Max-Age unclamped, but browsers cap how long they cache a preflight. A larger value does not reduce preflights further and suggests a guarantee that does not hold.");

    public static readonly DiagnosticDescriptor UseCorsWithoutServices = Create(
        DiagnosticIds.UseCorsWithoutServices,
        "UseCors without CORS services",
        "UseCors is called but nothing registers the CORS services: the app fails to start with a misleading dependency-injection error; call AddCors()",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Error,
        "The CORS middleware needs ICorsService and the policy provider from AddCors() (AddControllers, AddControllersWithViews and AddMvc register them too; AddRazorPages, AddMvcCore, AddSignalR and AddRouting do not). Without them app.Run() fails with 'Unable to resolve service for type ICorsService' or 'Multiple constructors accepting all given argument types have been found in type CorsMiddleware'.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor CorsNeverApplied = Create(
        DiagnosticIds.CorsNeverApplied,
        "CORS configured but never applied",
        "CORS is configured ({0}) but UseCors is never called: no response gets CORS headers and browsers block cross-origin calls",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "Policies, [EnableCors] and RequireCors only take effect through the CORS middleware. Without app.UseCors() requests get no Access-Control-Allow-Origin, preflights fall through to routing (405), and even an invalid policy never throws.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MisplacedUseCors = Create(
        DiagnosticIds.MisplacedUseCors,
        "UseCors in the wrong position",
        "UseCors runs after {0}: {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The CORS middleware must run after UseRouting (when endpoints carry CORS metadata) and before authentication, authorization, response caching and UseEndpoints. Otherwise preflights get the auth challenge, cached responses lose their CORS headers, or CORS never runs.");

    /// <summary>CORS012 for UseCors before UseRouting: it needs to know whether any endpoint carries CORS metadata, so it is decided at compilation end.</summary>
    public static readonly DiagnosticDescriptor UseCorsBeforeRouting = Create(
        DiagnosticIds.MisplacedUseCors,
        "UseCors in the wrong position",
        "UseCors runs before UseRouting while endpoints carry CORS metadata: every request to those endpoints fails with 500 'contains CORS metadata, but a middleware was not found that supports CORS'",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "Endpoint CORS metadata (RequireCors, [EnableCors], [DisableCors]) is only seen by a CORS middleware that runs after UseRouting. Before it, the endpoint middleware throws on every request to such an endpoint.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnknownPolicyName = Create(
        DiagnosticIds.UnknownPolicyName,
        "Unknown CORS policy name",
        "{0}: requests get no CORS headers and preflights get 405, with only an Information log line",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "A policy name that no AddPolicy adds (names are case-sensitive), or UseCors() without a default policy, resolves no policy at run time. Nothing throws; the browser just blocks the calls.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PolicyAddedTwice = Create(
        DiagnosticIds.PolicyAddedTwice,
        "Policy added twice",
        "{0} is added again: this definition silently replaces the earlier one",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "CorsOptions keeps one policy per name. A second AddPolicy with the same name, or a second AddDefaultPolicy, replaces the first without a warning.");

    public static readonly DiagnosticDescriptor ConflictingCorsAttributes = Create(
        DiagnosticIds.ConflictingCorsAttributes,
        "Conflicting CORS attributes",
        "[EnableCors] and [DisableCors] are both on '{0}': only one of them takes effect",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Info,
        "An endpoint gets one piece of CORS metadata; with both attributes on the same member or class the result depends on attribute order. Keep the one you mean.");

    public static readonly DiagnosticDescriptor HandWrittenCorsHeaders = Create(
        DiagnosticIds.HandWrittenCorsHeaders,
        "CORS headers written by hand",
        "CORS headers are written by hand ({0}): preflight requests are not answered (a PUT or JSON POST gets 405) and 'Vary: Origin' is missing; use the CORS middleware",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "Writing Access-Control-Allow-* headers on each response misses what the CORS middleware does: answering preflight OPTIONS requests (otherwise routing answers 405 and the browser blocks the call), sending Vary: Origin so caches do not mix origins, and checking origins against a list. Configure a policy with AddCors and apply it with UseCors or [EnableCors].");

    public static readonly DiagnosticDescriptor RequestOriginReflected = Create(
        DiagnosticIds.RequestOriginReflected,
        "Request origin reflected without a check",
        "The request's Origin is copied into Access-Control-Allow-Origin without an allow-list check{0}",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "Echoing the Origin header back allows every website. With Access-Control-Allow-Credentials: true, any page the user visits can call this API with the user's cookies and read the answers.");

    public static readonly DiagnosticDescriptor WildcardOriginWithCredentialsHeader = Create(
        DiagnosticIds.WildcardOriginWithCredentialsHeader,
        "Wildcard origin with credentials header",
        "'Access-Control-Allow-Origin: *' is sent together with 'Access-Control-Allow-Credentials: true': browsers reject the response of every credentialed request",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The CORS protocol forbids the wildcard origin on credentialed requests; the browser blocks the response. List the allowed origins instead.");

    public static readonly DiagnosticDescriptor ConfigurationArrayReadWithGetValue = Create(
        DiagnosticIds.ConfigurationArrayReadWithGetValue,
        "Configuration array read with GetValue",
        "GetValue<{0}>() never binds a configuration array and returns null: {1}; read it with GetSection(key).Get<{0}>()",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "ConfigurationBinder.GetValue<T>(key) converts the section's own value, and an array in appsettings.json has none (its entries are the child keys key:0, key:1, ...). So GetValue<string[]> returns null: passed to WithOrigins, WithMethods or WithHeaders the policy throws and the app fails to start; with a '??' fallback only the fallback is ever used. GetSection(key).Get<T>() binds the array.");

    public static readonly DiagnosticDescriptor AllowedHostsAsOrigins = Create(
        DiagnosticIds.AllowedHostsAsOrigins,
        "AllowedHosts used as CORS origins",
        "The CORS origins are read from 'AllowedHosts', the host-filtering setting: its template value '*' allows every origin (and fails startup with AllowCredentials()), and a host list has no scheme and never matches; read them from a dedicated key such as '{0}'",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "AllowedHosts configures host filtering: which Host headers the server answers. The project templates set it to '*'. Used as CORS origins, '*' lets every website read the responses and, with credentials, makes the policy throw at startup; a real host list such as 'example.com;api.example.com' has no scheme, so no browser origin ever matches it.");

    /// <summary>CORS007 for a configured list split without trimming.</summary>
    public static readonly DiagnosticDescriptor ConfiguredListSplitUntrimmed = Create(
        DiagnosticIds.OriginNeverMatches,
        "Origin can never match",
        "The configured origin list is split without trimming: an origin written after '{0} ' keeps the leading space and never matches; {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "Split(',') keeps the whitespace around each entry, so \"https://a.com, https://b.com\" gives \" https://b.com\", which the middleware compares literally with the browser's Origin and never matches. Trim each entry (StringSplitOptions.TrimEntries) and drop empty ones.");

    /// <summary>CORS007 for an origin written in appsettings*.json: known once every configuration read is collected.</summary>
    public static readonly DiagnosticDescriptor OriginNeverMatchesInSettings = Create(
        DiagnosticIds.OriginNeverMatches,
        "Origin can never match",
        "Origin '{0}' ({1}) never matches: {2}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The policy reads this value from configuration. The middleware compares the request's Origin header with each configured origin by exact string equality (after lowercasing). Browsers send scheme://host[:port] with no trailing slash, path, surrounding spaces or default port, so such an entry never matches and the browser blocks the call.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORS005 for "null" written in appsettings*.json.</summary>
    public static readonly DiagnosticDescriptor NullOriginTrustedInSettings = Create(
        DiagnosticIds.NullOriginTrusted,
        "The \"null\" origin is trusted",
        "The origin \"null\" ({0}) is trusted: sandboxed iframes, file: pages and redirected requests of any site send 'Origin: null'",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "The policy reads this value from configuration. An origin list containing \"null\" makes the middleware answer Access-Control-Allow-Origin: null, and any page can produce that origin with a sandboxed iframe. Remove it.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORS003 for "*" as the only origin in appsettings*.json.</summary>
    public static readonly DiagnosticDescriptor AnyOriginInSettings = Create(
        DiagnosticIds.AnyOrigin,
        "Policy allows any origin",
        "This policy allows any origin (\"*\" in {0}): every website can read these responses; make sure the API is public",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Info,
        "The policy reads its origins from configuration, and the configured list is exactly \"*\", which the framework treats as AllowAnyOrigin(). That is right for a public API and wrong for anything that relies on network position or cookies.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORS001 for "*" as the only origin in appsettings*.json, in a policy with credentials.</summary>
    public static readonly DiagnosticDescriptor AnyOriginWithCredentialsInSettings = Create(
        DiagnosticIds.AnyOriginWithCredentials,
        "Any origin combined with credentials",
        "This policy allows any origin (\"*\" in {0}) together with AllowCredentials(); building it throws InvalidOperationException, so the app fails to start",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        "The policy reads its origins from configuration, and the configured list is exactly \"*\", which the framework treats as AllowAnyOrigin(). The CORS protocol forbids that together with credentials and CorsPolicyBuilder.Build() throws. List the trusted origins instead, or drop AllowCredentials().",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORS006 for an http:// origin in appsettings*.json, in a policy with credentials.</summary>
    public static readonly DiagnosticDescriptor InsecureOriginWithCredentialsInSettings = Create(
        DiagnosticIds.InsecureOriginWithCredentials,
        "Credentials sent to an insecure origin",
        "Credentials are allowed for the insecure origin '{0}' ({1}): anyone on the network path can inject script into that page and act as the user",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "The policy reads this value from configuration and allows credentials. A page served over plain http can be modified in transit; trusting it with credentials extends that to the API. Use https origins; loopback origins (localhost, 127.0.0.1, [::1]) are not reported.",
        WellKnownDiagnosticTags.CompilationEnd);
    public static readonly DiagnosticDescriptor OriginListIgnored = Create(
        DiagnosticIds.OriginListIgnored,
        "Origin list ignored by a custom origin check",
        "SetIsOriginAllowed replaces the origin list of this policy: {0}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "SetIsOriginAllowed(predicate) replaces how the whole policy checks origins, in either call order: the origins given to WithOrigins are then allowed only when the predicate accepts them. Nothing throws or logs a warning; requests from the listed origins simply get no Access-Control-Allow-Origin. Make the predicate accept the listed origins too, or drop the list. SetIsOriginAllowedToAllowWildcardSubdomains() is different: it checks the list.");

    public static readonly DiagnosticDescriptor WildcardHeaderListWithCredentials = Create(
        DiagnosticIds.WildcardHeaderListWithCredentials,
        "Wildcard header list with credentials",
        "WithExposedHeaders(\"*\") in a policy that allows credentials: for credentialed requests browsers read '*' as a header literally named '*', so {0}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The Fetch standard treats '*' in Access-Control-Expose-Headers, Access-Control-Allow-Headers and Access-Control-Allow-Methods as a wildcard only for requests without credentials. With credentials it is the name of a header (or method) called '*', and matches nothing real. List the names instead. AllowAnyHeader() and AllowAnyMethod() are fine with credentials: the middleware echoes what the preflight asks for.");

    /// <summary>CORS022 for hand-written headers: the same browser rule, decided from the header writes of one place.</summary>
    public static readonly DiagnosticDescriptor WildcardHeaderWithCredentialsHeader = Create(
        DiagnosticIds.WildcardHeaderListWithCredentials,
        "Wildcard header list with credentials",
        "'{0}: *' is sent together with 'Access-Control-Allow-Credentials: true': for credentialed requests browsers read '*' as a literal name, so {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The Fetch standard treats '*' in Access-Control-Expose-Headers, Access-Control-Allow-Headers and Access-Control-Allow-Methods as a wildcard only for requests without credentials. With credentials it is the name of a header (or method) called '*', and matches nothing real. List the names instead, or echo the Access-Control-Request-Headers and Access-Control-Request-Method of the preflight.");

    public static readonly DiagnosticDescriptor SecondCorsMiddleware = Create(
        DiagnosticIds.SecondCorsMiddleware,
        "Second CORS middleware in one pipeline",
        "UseCors runs again after {0}: {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "When a CORS middleware resolves a policy it answers every preflight request itself (204) and never passes it on. A second UseCors later in the same pipeline therefore never applies its policy to preflights: an origin only it allows gets a preflight without Access-Control-Allow-Origin, while its simple requests work. Keep one UseCors per pipeline and put every origin in its policy, or apply policies per endpoint with RequireCors or [EnableCors].");

    public static readonly DiagnosticDescriptor CommaJoinedList = Create(
        DiagnosticIds.CommaJoinedList,
        "Comma-joined method or header list",
        "'{0}' is one entry of {1}, not a list: the middleware sends it in double quotes, and {2}; pass each name as its own argument",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "WithMethods, WithHeaders and WithExposedHeaders take one method or header name per argument and never split a string. An entry that holds a comma is sent as one quoted value (Access-Control-Allow-Methods: \"GET,POST,PUT\"), which browsers cannot parse: every preflighted request fails, and for exposed headers none of the listed headers becomes readable, without any console message. Nothing on the server logs it.");

    /// <summary>CORS024 for a method or header list read from appsettings*.json.</summary>
    public static readonly DiagnosticDescriptor CommaJoinedListInSettings = Create(
        DiagnosticIds.CommaJoinedList,
        "Comma-joined method or header list",
        "'{0}' ({1}) is one entry of {2}, not a list: the middleware sends it in double quotes, and {3}; give each name its own array entry",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The policy reads this value from configuration. WithMethods, WithHeaders and WithExposedHeaders take one name per entry and never split a string: an entry that holds a comma is sent as one quoted value, which browsers cannot parse. Every preflighted request fails, and for exposed headers none of the listed headers becomes readable.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor OriginCheckThrowsOnNull = Create(
        DiagnosticIds.OriginCheckThrowsOnNull,
        "Origin check throws on the \"null\" origin",
        "new Uri({0}) throws UriFormatException for 'Origin: null': every request from a sandboxed iframe, a file: page or a cross-origin redirect gets a 500 without CORS headers; parse it with Uri.TryCreate",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "Browsers send 'Origin: null' from sandboxed iframes, file: pages and after a cross-origin redirect. An origin predicate that parses the origin with new Uri(origin) throws for it inside the CORS middleware: the request fails with a 500 without CORS headers, logged only as an unhandled exception. Parse with Uri.TryCreate(origin, UriKind.Absolute, out var uri) and reject what does not parse.");

    public static readonly DiagnosticDescriptor OriginCheckOverridden = Create(
        DiagnosticIds.OriginCheckOverridden,
        "Origin check overridden by AllowAnyOrigin",
        "{0} overrides the SetIsOriginAllowed check of this policy: the predicate is never called and every origin is allowed",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "A policy whose origin list is exactly '*' (AllowAnyOrigin(), WithOrigins(\"*\")) allows every origin before its origin check runs, in either call order: SetIsOriginAllowed's predicate is dead code, and every website can read the responses. Remove AllowAnyOrigin() so the predicate decides. With AllowCredentials() the policy fails at startup instead (CORS001).");

    public static readonly DiagnosticDescriptor CredentialsValueNotTrue = Create(
        DiagnosticIds.CredentialsValueNotTrue,
        "Credentials header value is not \"true\"",
        "Access-Control-Allow-Credentials is sent as {0}: browsers accept only the exact value 'true', so every credentialed request fails",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The Fetch standard compares Access-Control-Allow-Credentials case-sensitively with 'true'. A bool formatted with ToString(), bool.TrueString or string interpolation is 'True', which browsers reject: every request with cookies or credentials: 'include' is blocked, while requests without credentials keep working. Write the string \"true\".");

    /// <summary>
    /// CORS029. Reported as Warning when endpoint metadata (RequireCors, [EnableCors] on the hub) gives the hub the policy,
    /// and with the effective severity Info when only the middleware's policy reaches it: the hub may serve its own origin only.
    /// </summary>
    public static readonly DiagnosticDescriptor HubWithoutCredentials = Create(
        DiagnosticIds.HubWithoutCredentials,
        "SignalR hub behind a policy without credentials",
        "{0} gives hub '{1}' {2}, which lists origins but does not allow credentials: the SignalR JavaScript client negotiates with credentials by default, so start() fails from those origins",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "The @microsoft/signalr client sends its negotiate request with credentials (withCredentials defaults to true), and that request is preflighted. A policy without AllowCredentials() answers without 'Access-Control-Allow-Credentials: true', so the browser blocks negotiate and connection.start() rejects with 'Failed to complete negotiation with the server'. Add AllowCredentials() to the policy, or set withCredentials: false in every client. Info instead of Warning when only the UseCors middleware's policy reaches the hub, which may be used from its own origin only.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AnyOriginFallback = Create(
        DiagnosticIds.AnyOriginFallback,
        "Any origin as a fallback for missing configuration",
        "{0} is chosen when the configured origins ({1}) are missing or empty: one missing or misspelled setting opens the API to every site; fall back to no origin",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        "A policy that allows any origin (AllowAnyOrigin(), WithOrigins(\"*\"), an always-true SetIsOriginAllowed, a '?? \"*\"' fallback) when the origin list read from configuration is missing or empty turns a missing, misspelled or unbound setting in production into an API every website can call, without an error or a log line. Fall back to no origin: WithOrigins() or an empty list, so a missing setting shows up as refused cross-origin calls.");

    public static readonly DiagnosticDescriptor AuthorizationBeforeCors = Create(
        DiagnosticIds.AuthorizationBeforeCors,
        "Authorization runs before CORS",
        "UseCors runs after the authorization middleware that WebApplication adds before the whole pipeline, since no UseAuthorization() follows it: {0}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        "When the authorization services are registered and the app never calls UseAuthorization(), WebApplication runs authentication and authorization itself, before every middleware the app adds, UseCors included. An endpoint that requires authorization then answers the preflight request with the challenge (302, 401 or 500) when it carries CORS metadata (RequireCors, [EnableCors]), and every preflight is challenged under a fallback policy: the browser blocks the call. With a middleware-level policy only, the 401/302 answers carry no CORS headers, so the page cannot tell that the user is signed out. Call UseAuthentication() and UseAuthorization() right after UseCors.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
    {
#pragma warning disable RS0030 // The one place descriptors are constructed.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: GetHelpLink(id),
            customTags: customTags);
#pragma warning restore RS0030
    }
}
