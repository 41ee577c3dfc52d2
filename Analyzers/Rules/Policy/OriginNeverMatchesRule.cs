using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS007: origin literals a browser never sends, and a "*" that is only a literal next to other origins.</summary>
internal static class OriginNeverMatchesRule
{



    public static void Check(PolicyAnalysis policy, PolicyRuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            HashSet<PolicyCall>? starReported = null;
            foreach (var (origin, call) in path.Origins)
            {
                if (origin.Value is not { } value || OriginLocations.Get(origin, call, out var use) is not { } location)
                {
                    continue;
                }

                if (value == CorsConstants.AnyOrigin)
                {
                    // "*" allows any origin only as the single entry; next to others it is a literal that never matches.
                    if (path.Origins.Length > 1 && (starReported ??= new HashSet<PolicyCall>()).Add(call))
                    {
                        var starProperties = IsOnlyStarBesideRealOrigins(path.Origins)
                            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RemoveEntry, "true")
                            : null;
                        context.Report(DiagnosticDescriptors.OriginNeverMatches, location, use, starProperties, messageArgs: new object?[]
                        {
                            value, "'*' means any origin only when it is the only entry; next to other origins it is compared literally",
                        });
                    }

                    continue;
                }

                var problem = policy.Problem(value, out var browserOrigin);
                if (problem == OriginProblem.None || (problem != OriginProblem.MisplacedWildcard && OriginText.IsWildcardSubdomain(value)))
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (problem == OriginProblem.MisplacedWildcard)
                {
                    // Removing an entry that matches nothing changes nothing, unless it leaves a lone "*", which means any origin.
                    if (!HasStar(path.Origins))
                    {
                        properties = properties.Add(DiagnosticProperties.RemoveEntry, DiagnosticProperties.NeverMatches);
                    }
                }
                else if (browserOrigin is not null)
                {
                    properties = properties.Add(DiagnosticProperties.BrowserOrigin, browserOrigin);
                }
                else if (problem == OriginProblem.SeveralOrigins && OriginText.SplitAndNormalize(value) is { } origins)
                {
                    properties = properties.Add(DiagnosticProperties.Split, string.Join(" ", origins));
                    if (path.Credentials is not null && !context.IsSilencedInDevelopment(path, call) && origins.Any(OriginText.IsInsecureRemote))
                    {
                        // Split out, the http:// origin is reported by CORS006: a true finding the joined string hid.
                        properties = properties.Add(DiagnosticProperties.RevealsInsecureOrigin, "true");
                    }
                }

                context.Report(DiagnosticDescriptors.OriginNeverMatches, location, use, properties, value, Explain(problem, browserOrigin));
            }
        }
    }

    private static bool HasStar(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins)
    {
        foreach (var (origin, _) in origins)
        {
            if (origin.Value == CorsConstants.AnyOrigin)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One "*" and at least one real origin: removing the "*" (which never matched) leaves the same policy.</summary>
    private static bool IsOnlyStarBesideRealOrigins(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins)
    {
        var stars = 0;
        var others = 0;
        foreach (var (origin, _) in origins)
        {
            if (origin.Value == CorsConstants.AnyOrigin)
            {
                stars++;
            }
            else
            {
                others++;
            }
        }

        return stars == 1 && others > 0;
    }

    internal static string Explain(OriginProblem problem, string? browserOrigin)
    {
        var suggestion = browserOrigin is null ? string.Empty : $"; use '{browserOrigin}'";
        return problem switch
        {
            OriginProblem.TrailingSlash => "browsers send origins without a trailing slash" + suggestion,
            OriginProblem.PathQueryOrFragment => "an origin is only scheme, host and port, browsers never send a path, query or fragment" + suggestion,
            OriginProblem.NoScheme => "browsers always send the scheme" + (browserOrigin is null ? string.Empty : $"; use '{browserOrigin}'{(browserOrigin.StartsWith("https://", System.StringComparison.Ordinal) ? " (or http:// if that is what the site uses)" : string.Empty)}"),
            OriginProblem.SeveralOrigins => "it is one origin, not a list; pass each origin as its own argument",
            OriginProblem.SurroundingWhitespace => "surrounding whitespace is not trimmed" + suggestion,
            OriginProblem.MisplacedWildcard => "'*' is a wildcard only as the leading '*.' subdomain label of an origin with a scheme; anywhere else it is compared literally, with or without SetIsOriginAllowedToAllowWildcardSubdomains(). To allow local development ports, list each one ('http://localhost:4200'), or in development code only use SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback)",
            _ => "browsers omit the default port" + suggestion,
        };
    }
}
