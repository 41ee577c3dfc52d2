using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS003: any origin (an always-true predicate, <c>AllowAnyOrigin()</c>, "*") on a path without credentials.</summary>
internal static class AnyOriginRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.OriginPredicate is { } predicateCall
                && policy.Predicate(predicateCall) is { IsAlwaysTrue: true })
            {
                if (path.Credentials is null && path.CredentialsKnown && !context.IsSilencedInDevelopment(path, predicateCall))
                {
                    context.Report(DiagnosticDescriptors.AnyOrigin, predicateCall.Location, messageArgs: "an origin predicate that always returns true");
                }

                continue;
            }

            if (path.AnyOriginCall is { } anyOrigin && path.Credentials is null && path.CredentialsKnown
                && !context.IsSilencedInDevelopment(path, anyOrigin))
            {
                context.Report(DiagnosticDescriptors.AnyOrigin, anyOrigin.Location, messageArgs: anyOrigin.AnyOriginText);
            }
        }
    }

    /// <summary>CORS003 in appsettings: "*" as the whole origin list of a policy without credentials.</summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.IsSoleAnyOrigin && !value.Use.Credentials && !value.IsSilencedInDevelopment)
        {
            context.Report(DiagnosticDescriptors.AnyOriginInSettings, value.Location, value.ReadLocations, null, value.Where);
        }
    }
}
