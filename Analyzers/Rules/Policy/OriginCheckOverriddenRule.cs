using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS027: <c>SetIsOriginAllowed(p)</c> and a final origin list of exactly <c>"*"</c> (<c>AllowAnyOrigin()</c>) on one path,
/// in either order. The framework asks <c>AllowAnyOrigin</c> before the predicate, so the check is dead and every origin
/// is allowed (GROUND_TRUTH 52). With credentials the policy fails at startup instead: that is CORS001.
/// </summary>
internal static class OriginCheckOverriddenRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.OriginPredicate is not { } predicate
                || path.AnyOriginCall is not { } anyOrigin
                || !path.CredentialsKnown
                || path.Credentials is not null
                || policy.Predicate(predicate) is { IsAlwaysTrue: true })
            {
                // An always-true check loses nothing: the policy allows every origin either way (CORS003 says so).
                continue;
            }

            var call = anyOrigin.Kind == PolicyCallKind.AllowAnyOrigin ? "AllowAnyOrigin()" : "The origin \"*\"";
            context.Report(DiagnosticDescriptors.OriginCheckOverridden, anyOrigin.Location, new[] { predicate.Location }, messageArgs: call);
        }
    }
}
