using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS007: origin literals a browser never sends, a "*" that is only a literal next to other origins, a configured list
/// split without trimming, and such values in appsettings*.json.
/// </summary>
internal static class OriginNeverMatchesRule
{



    public static void Check(PolicyAnalysis policy, RuleContext context)
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
                    // "*" allows any origin only as the single entry; next to others it is a literal that never matches. A "*"
                    // that is the fallback of a configured value is the whole list when it is used: CORS030's finding.
                    if (HasOthers(path.Origins, origin) && (starReported ??= new HashSet<PolicyCall>()).Add(call))
                    {
                        var starProperties = IsOnlyStarBesideRealOrigins(path.Origins, origin) && CanRemove(path.Origins, origin)
                            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RemoveEntry, "true")
                            : null;
                        context.Report(DiagnosticDescriptors.OriginNeverMatches, location, use, starProperties, messageArgs: new object?[]
                        {
                            value, "'*' means any origin only when it is the only entry; next to other origins it is compared literally",
                        });
                    }

                    continue;
                }

                var problem = policy.NeverMatches(value, out var browserOrigin);
                if (problem == OriginProblem.None)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (problem == OriginProblem.MisplacedWildcard)
                {
                    // Removing an entry that matches nothing changes nothing, unless it leaves a lone "*", which means any origin.
                    if (!HasStar(path.Origins, origin) && CanRemove(path.Origins, origin))
                    {
                        properties = properties.Add(DiagnosticProperties.RemoveEntry, DiagnosticProperties.NeverMatches);
                    }
                }
                else if (browserOrigin is not null)
                {
                    properties = properties.Add(DiagnosticProperties.BrowserOrigin, browserOrigin);
                    if (path.Credentials is not null && !context.IsSilencedInDevelopment(path, call) && OriginText.IsInsecureRemote(browserOrigin))
                    {
                        // Rewritten, the http:// origin is reported by CORS006: a true finding the broken spelling hid.
                        properties = properties.Add(DiagnosticProperties.RevealsInsecureOrigin, "true");
                    }
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

                context.Report(DiagnosticDescriptors.OriginNeverMatches, location, use, properties, value, OriginText.Explain(problem, browserOrigin));
            }
        }
    }

    /// <summary>A "*" listed at the same time as <paramref name="origin"/> (not the fallback of a value it replaces, or the other way round).</summary>
    private static bool HasStar(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins, OriginValue origin)
    {
        foreach (var (other, _) in origins)
        {
            if (other.Value == CorsConstants.AnyOrigin && other.IsListedWith(origin))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Another entry listed at the same time as <paramref name="origin"/>.</summary>
    private static bool HasOthers(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins, OriginValue origin)
    {
        var self = false;
        foreach (var (other, _) in origins)
        {
            if (!self && IsSame(other, origin))
            {
                self = true;
            }
            else if (other.IsListedWith(origin))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One "*" and at least one real origin listed with it: removing the "*" (which never matched) leaves the same policy.</summary>
    private static bool IsOnlyStarBesideRealOrigins(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins, OriginValue star)
    {
        var stars = 0;
        var others = 0;
        foreach (var (origin, _) in origins)
        {
            if (!origin.IsListedWith(star))
            {
                continue;
            }

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

    /// <summary>
    /// Whether the fix may remove the entry: a fallback's last entry stays (<c>?? new[] { }</c> does not compile, and the
    /// fallback reads better as an explicit empty list written by hand).
    /// </summary>
    private static bool CanRemove(ImmutableArray<(OriginValue Origin, PolicyCall Call)> origins, OriginValue origin)
    {
        if (!origin.IsFallback)
        {
            return true;
        }

        var fallback = origin.FallbackOf[origin.FallbackOf.Length - 1];
        foreach (var (other, _) in origins)
        {
            if (!IsSame(other, origin) && other.IsFallback && ReferenceEquals(other.FallbackOf[other.FallbackOf.Length - 1], fallback))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSame(OriginValue a, OriginValue b) =>
        ReferenceEquals(a.Operation, b.Operation) && a.Operation is not null;

    /// <summary>CORS007 in appsettings: a value a browser never sends, or a "*" that is only a literal next to other origins.</summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.IsAnyOrigin)
        {
            if (!value.IsSoleAnyOrigin && (value.EntryCount > 1 || value.Use.KnownOthers > 0))
            {
                context.Report(DiagnosticDescriptors.OriginNeverMatchesInSettings, value.Location, value.ReadLocations, null, value.Text, value.Where, "'*' means any origin only when it is the only entry; next to other origins it is compared literally");
            }

            return;
        }

        var problem = value.NeverMatches(out var browserOrigin);
        if (problem == OriginProblem.None)
        {
            return;
        }

        var reason = problem == OriginProblem.SeveralOrigins
            ? "it is one origin, not a list; give each origin its own array entry"
            : OriginText.Explain(problem, browserOrigin);
        var properties = browserOrigin is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.BrowserOrigin, browserOrigin);
        context.Report(DiagnosticDescriptors.OriginNeverMatchesInSettings, value.Location, value.ReadLocations, properties, value.Text, value.Where, reason);
    }

    /// <summary>
    /// CORS007 for a configured list split on ',' or ';' without trimming: " https://b.com" never matches. A split of
    /// <c>AllowedHosts</c> is not a finding of its own: the key is wrong whatever is done with its value (CORS020).
    /// </summary>
    public static void CheckSplit(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var (call, read) in policy.ConfigurationReads())
        {
            if (call.Kind == PolicyCallKind.WithOrigins && !read.IsAllowedHosts
                && read.Split is { Trims: false } split && ListSeparator(split) is { } separator)
            {
                var trimEntries = context.Types.Configuration.HasTrimEntries;
                var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SplitFix, trimEntries ? "TrimEntries" : "Trim");
                var location = split.Call.GetCallLocation();
                context.Report(DiagnosticDescriptors.ConfiguredListSplitUntrimmed, location, call.AsUseOf(location), properties, new object?[]
                {
                    separator,
                    trimEntries ? "add StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries" : "trim each entry",
                });
            }
        }
    }

    /// <summary>A split on ',' or ';' (not one that also splits on whitespace): the separator, or null.</summary>
    private static string? ListSeparator(ConfiguredSplit split)
    {
        string? found = null;
        foreach (var separator in split.Separators)
        {
            if (separator.Trim().Length != separator.Length)
            {
                return null;
            }

            if (found is null && separator is "," or ";")
            {
                found = separator;
            }
        }

        return found;
    }
}
