using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS008: a "https://*.example.com" origin in a policy without SetIsOriginAllowedToAllowWildcardSubdomains().</summary>
internal static class WildcardSubdomainRule
{
    public static void Check(PolicyAnalysis policy, PolicyRuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.WildcardSubdomains is not null || path.OriginPredicate is not null)
            {
                continue;
            }

            foreach (var (origin, call) in path.Origins)
            {
                if (origin.Value is { } value && OriginText.IsWildcardSubdomain(value) && !OriginText.HasMisplacedWildcard(value)
                    && OriginLocations.Get(origin, call, out var use) is { } location)
                {
                    context.Report(DiagnosticDescriptors.WildcardSubdomainIgnored, location, use, messageArgs: value);
                }
            }
        }
    }
}
