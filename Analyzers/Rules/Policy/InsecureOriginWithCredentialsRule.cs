using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS006: an http:// origin that is not loopback in a policy that allows credentials; not one that matches no request
/// (a misplaced <c>*</c>), since it sends credentials nowhere.
/// </summary>
internal static class InsecureOriginWithCredentialsRule
{
    public static void Check(PolicyAnalysis policy, PolicyRuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.Credentials is not { } credentials)
            {
                continue;
            }

            foreach (var (origin, call) in path.Origins)
            {
                if (origin.Value is { } value && OriginText.IsInsecureRemote(value) && !OriginText.HasMisplacedWildcard(value)
                    && !context.IsSilencedInDevelopment(path, call)
                    && OriginLocations.Get(origin, call, out var use) is { } location)
                {
                    context.Report(DiagnosticDescriptors.InsecureOriginWithCredentials, location, use ?? new[] { credentials.Location }, messageArgs: value);
                }
            }
        }
    }
}
