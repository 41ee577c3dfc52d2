using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS002: an origin predicate that always returns true, with credentials.</summary>
internal static class AllOriginsTrustedWithCredentialsRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.OriginPredicate is { } predicateCall
                && path.Credentials is { } credentials
                && policy.Predicate(predicateCall) is { IsAlwaysTrue: true }
                && !context.IsSilencedInDevelopment(path, predicateCall))
            {
                context.Report(DiagnosticDescriptors.AllOriginsTrustedWithCredentials, predicateCall.Location, new[] { credentials.Location });
            }
        }
    }
}
