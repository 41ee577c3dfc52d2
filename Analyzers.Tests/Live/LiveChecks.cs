using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static CorsAnalyzers.Tests.Live.LiveApp;

namespace CorsAnalyzers.Tests.Live;

/// <summary>The checks every live test makes: the rule flags the app and its fix cleans it; an origin is allowed or refused.</summary>
internal static class LiveChecks
{
    /// <summary>
    /// The rule flags <paramref name="source"/>, the real code fix repairs it and leaves no CORS warning; returns the fixed
    /// source. With <paramref name="contentRoot"/>, the appsettings files there are analyzed with the source.
    /// </summary>
    public static async Task<string> VerifyFlaggedAndFixAsync(string source, string id, string equivalenceKey, string? contentRoot = null)
    {
        Assert.Contains(await Analyze(source, contentRoot), d => d.Id == id);
        var fixedSource = await FixAsync(source, id, equivalenceKey);
        var after = await Analyze(fixedSource, contentRoot);
        Assert.DoesNotContain(after, d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("CORS", StringComparison.Ordinal));
        return fixedSource;
    }

    /// <summary>A GET and a preflight from <paramref name="origin"/> get it back in ACAO; with <paramref name="credentials"/>, ACAC is checked too.</summary>
    public static async Task AssertAllowedAsync(Running app, string origin, bool? credentials = null)
    {
        var get = await app.GetAsync("/r", origin);
        Assert.True(
            get.Status == 200 && get.AllowOrigin == origin && (credentials is null || (get.AllowCredentials == "true") == credentials),
            get.ToString());
        var preflight = await app.PreflightAsync("/r", origin);
        Assert.True(preflight.Status == 204 && preflight.AllowOrigin == origin, preflight.ToString());
    }

    /// <summary>Neither a GET nor a preflight from <paramref name="origin"/> gets an ACAO header.</summary>
    public static async Task AssertRefusedAsync(Running app, string origin)
    {
        var get = await app.GetAsync("/r", origin);
        Assert.True(get.AllowOrigin is null, get.ToString());
        var preflight = await app.PreflightAsync("/r", origin);
        Assert.True(preflight.AllowOrigin is null, preflight.ToString());
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(string source, string? contentRoot) =>
        contentRoot is null ? AnalyzeAsync(source) : AnalyzeAsync(source, contentRoot);
}
