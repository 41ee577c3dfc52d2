using System;

namespace CorsAnalyzers.Model;

/// <summary>Why a configured origin never equals an <c>Origin</c> header a browser sends (GROUND_TRUTH facts 1, 3, 4, 5, 29, 30).</summary>
internal enum OriginProblem
{
    None,
    SurroundingWhitespace,
    SeveralOrigins,
    NoScheme,

    /// <summary><c>http:localhost:5173</c>: a scheme and a host without the <c>//</c> between them.</summary>
    SchemeWithoutSlashes,
    TrailingSlash,
    PathQueryOrFragment,
    DefaultPort,

    /// <summary>A <c>*</c> anywhere but a leading <c>*.</c> subdomain label: compared literally, it matches nothing (GROUND_TRUTH 50).</summary>
    MisplacedWildcard,
}

/// <summary>Text checks on origin strings and origin-matching patterns.</summary>
internal static class OriginText
{
    /// <summary>
    /// Hosting domains where anyone can publish a site under a subdomain (from the private section of the Public Suffix List):
    /// a suffix, wildcard or regex that admits every subdomain of one of them admits strangers.
    /// </summary>
    private static readonly string[] SharedHostingDomains =
    {
        "azurewebsites.net",
        "azurestaticapps.net",
        "vercel.app",
        "netlify.app",
        "github.io",
        "herokuapp.com",
        "pages.dev",
        "web.app",
        "firebaseapp.com",
        "onrender.com",
        "ngrok-free.app",
        "trycloudflare.com",
        "cloudfront.net",
        "appspot.com",
    };

    public const string NullOrigin = "null";

    /// <summary>The origin a browser would send for <paramref name="value"/>, and why <paramref name="value"/> differs from it.</summary>
    public static OriginProblem Analyze(string value, out string? browserOrigin)
    {
        browserOrigin = null;
        if (value.Length == 0 || value == CorsConstants.AnyOrigin || string.Equals(value, NullOrigin, StringComparison.OrdinalIgnoreCase))
        {
            return OriginProblem.None;
        }

        if (HasMisplacedWildcard(value))
        {
            return OriginProblem.MisplacedWildcard;
        }

        var trimmed = value.Trim();
        if (trimmed.Length != value.Length)
        {
            browserOrigin = Analyze(trimmed, out var inner) == OriginProblem.None ? trimmed : inner;
            return OriginProblem.SurroundingWhitespace;
        }

        if (value.IndexOfAny(new[] { ',', ';', ' ', '\t' }) >= 0)
        {
            return OriginProblem.SeveralOrigins;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            if (WithSlashes(value) is { } withSlashes)
            {
                browserOrigin = Analyze(withSlashes, out var inner) == OriginProblem.None ? withSlashes : inner;
                return OriginProblem.SchemeWithoutSlashes;
            }

            browserOrigin = WithScheme(value);
            return OriginProblem.NoScheme;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = value.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        var authority = authorityEnd < 0 ? value.Substring(authorityStart) : value.Substring(authorityStart, authorityEnd - authorityStart);
        var scheme = value.Substring(0, schemeEnd);
        var origin = scheme + "://" + authority;
        if (authorityEnd >= 0)
        {
            browserOrigin = WithoutDefaultPort(scheme, authority, origin);
            return authorityEnd == value.Length - 1 && value[authorityEnd] == '/' ? OriginProblem.TrailingSlash : OriginProblem.PathQueryOrFragment;
        }

        var withoutPort = WithoutDefaultPort(scheme, authority, origin);
        if (withoutPort != origin)
        {
            browserOrigin = withoutPort;
            return OriginProblem.DefaultPort;
        }

        return OriginProblem.None;
    }

    /// <summary>The separate origins of a joined list like <c>"https://a.com, https://b.com"</c>.</summary>
    public static string[] SplitJoined(string value) =>
        value.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The origins of a joined list as the browser sends them (each part's slash, path or default port dropped, a missing
    /// scheme added); null when a part is not an origin that can be written for sure.
    /// </summary>
    public static string[]? SplitAndNormalize(string value)
    {
        var parts = SplitJoined(value);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == CorsConstants.AnyOrigin || string.Equals(parts[i], NullOrigin, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var problem = Analyze(parts[i], out var browserOrigin);
            if (problem != OriginProblem.None)
            {
                if (browserOrigin is null)
                {
                    return null;
                }

                parts[i] = browserOrigin;
            }
        }

        return parts.Length > 1 ? parts : null;
    }

    /// <summary>True for the loopback hosts browsers treat as potentially trustworthy over http.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host == "127.0.0.1"
        || host == "[::1]";

    /// <summary>
    /// <c>"localhost:4200"</c> is <c>http://localhost:4200</c> and <c>"app.contoso.com/"</c> is <c>https://app.contoso.com</c>:
    /// a bare host (and port) gets http for loopback hosts and https otherwise; null when it is not a bare host.
    /// </summary>
    private static string? WithScheme(string value)
    {
        var hostAndPort = value.EndsWith("/", StringComparison.Ordinal) ? value.Substring(0, value.Length - 1) : value;
        if (!TrySplitHostAndPort(hostAndPort, out var host, out var port) || (host.IndexOf('.') < 0 && !IsLoopbackHost(host)))
        {
            return null;
        }

        var scheme = IsLoopbackHost(host) ? "http" : "https";
        var defaultPort = scheme == "https" ? "443" : "80";
        return port is null || port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{port}";
    }

    /// <summary>
    /// <c>"http:localhost:5173"</c> is <c>http://localhost:5173</c>: <c>http:</c> or <c>https:</c> followed by a host (and port,
    /// path) without the <c>//</c> (or with one <c>/</c> of it); null for any other text. The host has a letter or a dot, so
    /// <c>"http:5173"</c>, which may have meant a port, is not one.
    /// </summary>
    private static string? WithSlashes(string value)
    {
        var colon = value.IndexOf(':');
        var scheme = colon > 0 ? value.Substring(0, colon) : string.Empty;
        if (!string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) && !string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = value.Substring(colon + 1);
        rest = rest.StartsWith("/", StringComparison.Ordinal) ? rest.Substring(1) : rest;
        var authorityEnd = rest.IndexOfAny(new[] { '/', '?', '#' });
        var authority = authorityEnd < 0 ? rest : rest.Substring(0, authorityEnd);
        if (!TrySplitHostAndPort(authority, out var host, out _) || !(host == "[::1]" || HasLetterOrDot(host)))
        {
            return null;
        }

        return scheme + "://" + rest;
    }

    private static bool HasLetterOrDot(string host)
    {
        foreach (var c in host)
        {
            if (c == '.' || char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>host</c> or <c>host:port</c> with a plain host name (or <c>[::1]</c>) and a numeric port, nothing else.</summary>
    public static bool TrySplitHostAndPort(string text, out string host, out string? port)
    {
        var portStart = text.StartsWith("[", StringComparison.Ordinal) ? text.IndexOf("]:", StringComparison.Ordinal) + 1 : text.LastIndexOf(':');
        host = portStart > 0 ? text.Substring(0, portStart) : text;
        port = portStart > 0 ? text.Substring(portStart + 1) : null;
        return host.Length > 0 && (port is null || IsPort(port)) && (host == "[::1]" || IsPlainHostName(host));
    }

    private static bool IsPort(string text)
    {
        if (text.Length == 0 || text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="problem"/> (of <see cref="Analyze"/>) as a reason the origin matches no request: a wildcard subdomain's
    /// other problems are left to the policy's own flag (CORS008), so they are none here; a misplaced <c>*</c> stays one.
    /// </summary>
    public static OriginProblem NeverMatching(OriginProblem problem, string value) =>
        problem is not (OriginProblem.None or OriginProblem.MisplacedWildcard) && IsWildcardSubdomain(value) ? OriginProblem.None : problem;

    /// <summary><c>https://*.example.com</c>: a wildcard subdomain pattern.</summary>
    public static bool IsWildcardSubdomain(string value)
    {
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd > 0 && string.CompareOrdinal(value, schemeEnd + 3, "*.", 0, 2) == 0;
    }

    /// <summary>
    /// A <c>*</c> anywhere but a leading <c>*.</c> subdomain label after the scheme (<c>http://localhost:*</c>,
    /// <c>http://192.168.*.*:*</c>, <c>https://api.*.example.com</c>, <c>*.example.com</c>): the framework compares it
    /// literally, so the origin matches no request (GROUND_TRUTH 50) and allows nothing. A lone <c>"*"</c> is not one.
    /// </summary>
    public static bool HasMisplacedWildcard(string value)
    {
        var star = value.IndexOf('*');
        if (star < 0 || value == CorsConstants.AnyOrigin)
        {
            return false;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var leadingLabel = schemeEnd > 0 && star == schemeEnd + 3 && string.CompareOrdinal(value, star, "*.", 0, 2) == 0;
        return !leadingLabel || value.IndexOf('*', star + 1) >= 0;
    }

    /// <summary>An <c>http://</c> origin that is not loopback: credentials to it travel in clear text.</summary>
    public static bool IsInsecureRemote(string value)
    {
        if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var host = value.Substring("http://".Length);
        var end = host.StartsWith("[", StringComparison.Ordinal) ? host.IndexOf(']') + 1 : host.IndexOfAny(new[] { ':', '/' });
        host = end > 0 ? host.Substring(0, end) : host;
        return !IsLoopbackHost(host);
    }

    /// <summary><c>".vercel.app"</c>, <c>"vercel.app"</c> or <c>"https://*.vercel.app"</c>: every site of a shared hosting domain.</summary>
    public static bool IsSharedHostingSuffix(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            text = text.Substring(schemeEnd + 3);
        }

        text = text.TrimStart('*').TrimStart('.');
        foreach (var domain in SharedHostingDomains)
        {
            if (string.Equals(text, domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A pattern like <c>^https://[a-z0-9-]+\.vercel\.app$</c> that admits any subdomain of a shared hosting domain.</summary>
    public static bool RegexAdmitsSharedHostingSubdomain(string pattern)
    {
        var unescaped = pattern.Replace("\\.", ".");
        var end = unescaped.TrimEnd('$');
        if (end.EndsWith("\\z", StringComparison.Ordinal) || end.EndsWith("\\Z", StringComparison.Ordinal))
        {
            end = end.Substring(0, end.Length - 2);
        }

        foreach (var domain in SharedHostingDomains)
        {
            if (end.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                var prefix = end.Substring(0, end.Length - domain.Length - 1);
                if (prefix.IndexOfAny(new[] { '*', '+', '[', '(' }) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsAnchored(string pattern) =>
        (pattern.StartsWith("^", StringComparison.Ordinal) || pattern.StartsWith("\\A", StringComparison.Ordinal))
        && (pattern.EndsWith("$", StringComparison.Ordinal) || pattern.EndsWith("\\z", StringComparison.Ordinal) || pattern.EndsWith("\\Z", StringComparison.Ordinal));

    /// <summary>A <c>.</c> between two host characters (<c>contoso.com</c>) that is not escaped: it matches any character.</summary>
    public static bool HasUnescapedHostDot(string pattern)
    {
        var inClass = false;
        for (var i = 1; i < pattern.Length - 1; i++)
        {
            var c = pattern[i];
            if (pattern[i - 1] == '\\')
            {
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '.' && !inClass && char.IsLetterOrDigit(pattern[i - 1]) && char.IsLetterOrDigit(pattern[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="pattern"/> anchored with <c>^...$</c> (alternatives grouped so each is anchored) and with every
    /// host <c>.</c> escaped: it accepts a subset of what the pattern accepted.
    /// </summary>
    public static string AnchorAndEscapeHostDots(string pattern)
    {
        var escaped = new System.Text.StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var isEscaped = i > 0 && pattern[i - 1] == '\\' && !(i > 1 && pattern[i - 2] == '\\');
            if (!isEscaped && c == '[')
            {
                inClass = true;
            }
            else if (!isEscaped && c == ']')
            {
                inClass = false;
            }
            else if (!isEscaped && c == '.' && !inClass && i > 0 && i < pattern.Length - 1
                && char.IsLetterOrDigit(pattern[i - 1]) && char.IsLetterOrDigit(pattern[i + 1]))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var inner = escaped.ToString();
        if (IsAnchored(inner))
        {
            return inner;
        }

        inner = inner.StartsWith("^", StringComparison.Ordinal) ? inner.Substring(1) : inner;
        inner = inner.EndsWith("$", StringComparison.Ordinal) && !inner.EndsWith("\\$", StringComparison.Ordinal) ? inner.Substring(0, inner.Length - 1) : inner;
        return inner.IndexOf('|') >= 0 ? "^(?:" + inner + ")$" : "^" + inner + "$";
    }

    /// <summary>A plain host name such as <c>contoso.com</c>: letters, digits, dots and hyphens.</summary>
    public static bool IsPlainHostName(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[text.Length - 1] == '.')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutDefaultPort(string scheme, string authority, string origin)
    {
        if ((string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) && authority.EndsWith(":443", StringComparison.Ordinal))
            || (string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) && authority.EndsWith(":80", StringComparison.Ordinal)))
        {
            return scheme + "://" + authority.Substring(0, authority.LastIndexOf(':'));
        }

        return origin;
    }

    /// <summary>Why an origin with this problem never matches, and the origin to use instead when one is known.</summary>
    public static string Explain(OriginProblem problem, string? browserOrigin)
    {
        var suggestion = browserOrigin is null ? string.Empty : $"; use '{browserOrigin}'";
        return problem switch
        {
            OriginProblem.TrailingSlash => "browsers send origins without a trailing slash" + suggestion,
            OriginProblem.PathQueryOrFragment => "an origin is only scheme, host and port, browsers never send a path, query or fragment" + suggestion,
            OriginProblem.NoScheme => "browsers always send the scheme" + (browserOrigin is null ? string.Empty : $"; use '{browserOrigin}'{(browserOrigin.StartsWith("https://", System.StringComparison.Ordinal) ? " (or http:// if that is what the site uses)" : string.Empty)}"),
            OriginProblem.SchemeWithoutSlashes => "'//' is missing after the scheme" + suggestion,
            OriginProblem.SeveralOrigins => "it is one origin, not a list; pass each origin as its own argument",
            OriginProblem.SurroundingWhitespace => "surrounding whitespace is not trimmed" + suggestion,
            OriginProblem.MisplacedWildcard => "'*' is a wildcard only as the leading '*.' subdomain label of an origin with a scheme; anywhere else it is compared literally, with or without SetIsOriginAllowedToAllowWildcardSubdomains(). To allow local development ports, list each one ('http://localhost:4200'), or in development code only use SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback)",
            _ => "browsers omit the default port" + suggestion,
        };
    }
}
