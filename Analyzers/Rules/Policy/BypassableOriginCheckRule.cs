using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS004: origin predicates a crafted origin can pass, and wildcard origins on shared hosting domains.</summary>
internal static class BypassableOriginCheckRule
{
    /// <summary>Diagnostic property: the <see cref="OriginCheckKind"/> of a bypassable comparison, for the rewrite fix.</summary>
    public const string CheckKindProperty = "CheckKind";

    /// <summary>Diagnostic property: the constant the comparison uses (suffix, prefix, substring or pattern).</summary>
    public const string CheckTextProperty = "CheckText";

    /// <summary>Diagnostic property: "Host" when the check runs on the parsed host, "Origin" when on the origin string.</summary>
    public const string CheckedValueProperty = "CheckedValue";

    public static void Check(CorsPolicyModel policy, PolicyRuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.OriginPredicate is { } predicateCall
                && OriginPredicate.From(predicateCall, context.Types, context.CancellationToken) is { } predicate)
            {
                foreach (var check in predicate.FindBypassableChecks(context.CancellationToken))
                {
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(CheckedValueProperty, check.OnHost ? "Host" : "Origin")
                        .Add(CheckKindProperty, check.Kind.ToString())
                        .Add(CheckTextProperty, check.Text);

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
