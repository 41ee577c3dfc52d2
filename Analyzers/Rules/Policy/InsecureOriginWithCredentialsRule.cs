using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS006: an http:// origin that is not loopback in a policy that allows credentials; not one that matches no request
/// (a misplaced <c>*</c>, a trailing slash, the default port: CORS007), since it sends credentials nowhere. CORS007's
/// rewrite says when it reveals one.
/// </summary>
internal static class InsecureOriginWithCredentialsRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.Credentials is not { } credentials)
            {
                continue;
            }

            foreach (var (origin, call) in path.Origins)
            {
                if (origin.Value is { } value && OriginText.IsInsecureRemote(value) && policy.NeverMatches(value, out _) == OriginProblem.None
                    && !context.IsSilencedInDevelopment(path, call)
                    && OriginLocations.Get(origin, call, out var use) is { } location)
                {
                    context.Report(DiagnosticDescriptors.InsecureOriginWithCredentials, location, use ?? new[] { credentials.Location }, messageArgs: value);
                }
            }
        }
    }

    /// <summary>
    /// CORS006 in appsettings: a remote http:// origin of a policy with credentials. A value that never matches (CORS007)
    /// trusts nothing, so it is not one.
    /// </summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.Use.Credentials && value.IsOrigin && !value.IsAnyOrigin && !value.IsNullOrigin && !value.IsSilencedInDevelopment
            && value.NeverMatches(out _) == OriginProblem.None
            && OriginText.IsInsecureRemote(value.Text) && !OriginText.HasMisplacedWildcard(value.Text))
        {
            context.Report(DiagnosticDescriptors.InsecureOriginWithCredentialsInSettings, value.Location, value.ReadLocations, null, value.Text, value.Where);
        }
    }
}
