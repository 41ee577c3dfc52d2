using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS001: a path on which the final origin list is exactly "*" and credentials are allowed.</summary>
internal static class AnyOriginWithCredentialsRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.AnyOriginCall is { } anyOrigin && path.Credentials is { } credentials)
            {
                context.Report(DiagnosticDescriptors.AnyOriginWithCredentials, anyOrigin.Location, new[] { credentials.Location }, messageArgs: anyOrigin.AnyOriginText);
            }
        }
    }

    /// <summary>CORS001 in appsettings: "*" as the whole origin list of a policy that allows credentials.</summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.IsSoleAnyOrigin && value.Use.Credentials)
        {
            context.Report(DiagnosticDescriptors.AnyOriginWithCredentialsInSettings, value.Location, value.ReadLocations, null, value.Where);
        }
    }

    /// <summary>CORS001 for <c>new CorsPolicy { ... }</c>: the origin "*" and <c>SupportsCredentials = true</c>.</summary>
    public static void CheckHandBuilt(IObjectCreationOperation creation, RuleContext context)
    {
        if (HandBuiltPolicy.Read(creation, context.Types, context.CancellationToken) is ({ } anyOrigin, { } credentials))
        {
            context.Report(DiagnosticDescriptors.AnyOriginWithCredentialsHandBuilt, anyOrigin.Syntax.GetLocation(), new[] { credentials.Syntax.GetLocation() });
        }
    }
}
