using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS005: the literal origin "null" in the origin list or accepted by the predicate.</summary>
internal static class NullOriginTrustedRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            foreach (var (origin, call) in path.Origins)
            {
                if (string.Equals(origin.Value, OriginText.NullOrigin, System.StringComparison.OrdinalIgnoreCase)
                    && !context.IsSilencedInDevelopment(path, call)
                    && OriginLocations.Get(origin, call, out var use) is { } location)
                {
                    context.Report(DiagnosticDescriptors.NullOriginTrusted, location, use);
                }
            }

            if (path.OriginPredicate is { } predicateCall
                && policy.Predicate(predicateCall)?.NullOriginAccepted is { } comparison
                && !context.IsSilencedInDevelopment(path, predicateCall))
            {
                context.Report(DiagnosticDescriptors.NullOriginTrusted, comparison.Syntax.GetLocation());
            }
        }
    }

    /// <summary>CORS005 in appsettings: the origin value "null".</summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.IsNullOrigin && !value.IsSilencedInDevelopment)
        {
            context.Report(DiagnosticDescriptors.NullOriginTrustedInSettings, value.Location, value.ReadLocations, null, value.Where);
        }
    }
}
