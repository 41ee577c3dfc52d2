using System.Collections.Immutable;
using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS004: origin predicates a crafted origin can pass, and wildcard origins on shared hosting domains.</summary>
internal static class BypassableOriginCheckRule
{



    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.OriginPredicate is { } predicateCall
                && policy.Predicate(predicateCall) is { } predicate)
            {
                foreach (var check in predicate.BypassableChecks)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.CheckedValue, check.OnHost ? "Host" : "Origin")
                        .Add(DiagnosticProperties.CheckKind, check.Kind.ToString())
                        .Add(DiagnosticProperties.CheckText, check.Text);

                    context.Report(
                        DiagnosticDescriptors.BypassableOriginCheck,
                        check.Operation.GetCallLocation(),
                        properties: properties,
                        messageArgs: new object?[] { Describe(check), Bypass(check) });
                }
            }

            if (path.WildcardSubdomains is not null)
            {
                foreach (var (origin, call) in path.Origins)
                {
                    if (origin.Value is { } value && OriginText.IsWildcardSubdomain(value) && OriginText.IsSharedHostingSuffix(value)
                        && OriginLocations.Get(origin, call, out var use) is { } location)
                    {
                        context.Report(
                            DiagnosticDescriptors.BypassableOriginCheck,
                            location,
                            use,
                            messageArgs: new object?[] { $"'{value}' with wildcard subdomains", "every site anyone publishes on that hosting domain is a subdomain of it" });
                    }
                }
            }
        }
    }

    private static string Describe(OriginCheck check)
    {
        var method = check.Operation.TargetMethod.Name;
        return check.Kind is OriginCheckKind.UnanchoredRegex or OriginCheckKind.UnescapedDotRegex or OriginCheckKind.SharedHostingSuffix && method is "IsMatch" or "Match"
            ? $"Regex '{check.Text}'"
            : $"{method}(\"{check.Text}\")";
    }

    private static string Bypass(OriginCheck check)
    {
        var text = check.Text;
        var hasScheme = text.Contains("://");
        return check.Kind switch
        {
            OriginCheckKind.SuffixWithoutBoundary => $"it also accepts 'https://evil{(hasScheme ? text.Substring(text.IndexOf("://", System.StringComparison.Ordinal) + 3) : text)}'",
            OriginCheckKind.PrefixWithoutBoundary => $"it also accepts '{(hasScheme ? text : "https://" + text)}.evil.example'",
            OriginCheckKind.Substring => $"it also accepts '{(hasScheme ? text : "https://" + text)}.evil.example'",
            OriginCheckKind.UnanchoredRegex => "without ^...$ anchors any origin that contains a match passes",
            OriginCheckKind.UnescapedDotRegex => "an unescaped '.' matches any character, so look-alike hosts pass",
            _ => "every site anyone publishes on that hosting domain passes",
        };
    }
}
