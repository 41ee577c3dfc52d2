using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS008: a "https://*.example.com" origin in a policy without SetIsOriginAllowedToAllowWildcardSubdomains().</summary>
internal static class WildcardSubdomainIgnoredRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.WildcardSubdomains is not null || path.OriginPredicate is not null)
            {
                continue;
            }

            // The flag applies to every wildcard of the policy: with a shared-hosting one it would let every site there in.
            System.Collections.Immutable.ImmutableDictionary<string, string?>? properties = null;
            foreach (var (origin, _) in path.Origins)
            {
                if (origin.Value is { } value && OriginText.IsWildcardSubdomain(value) && OriginText.IsSharedHostingSuffix(value))
                {
                    properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SharedHostingWildcard, value);
                    break;
                }
            }

            foreach (var (origin, call) in path.Origins)
            {
                if (origin.Value is { } value && OriginText.IsWildcardSubdomain(value) && !OriginText.HasMisplacedWildcard(value)
                    && OriginLocations.Get(origin, call, out var use) is { } location)
                {
                    context.Report(DiagnosticDescriptors.WildcardSubdomainIgnored, location, use, properties, messageArgs: value);
                }
            }
        }
    }
}
