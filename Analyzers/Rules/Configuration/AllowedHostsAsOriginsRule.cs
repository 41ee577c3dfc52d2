using CorsAnalyzers.Model;

namespace CorsAnalyzers.Rules.Configuration;

/// <summary>CORS020: the host filtering key <c>AllowedHosts</c> read as the policy's origins.</summary>
internal static class AllowedHostsAsOriginsRule
{
    /// <summary>The key the fix reads origins from instead.</summary>
    private const string DedicatedOriginsKey = "Cors:AllowedOrigins";

    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var (call, read) in policy.ConfigurationReads())
        {
            // A projection (h => "https://" + h) may turn the host list into origins: only the value read as is is a finding.
            if (call.Kind == PolicyCallKind.WithOrigins && read.IsAllowedHosts && !read.ValuesTransformed)
            {
                var location = read.Location;
                context.Report(DiagnosticDescriptors.AllowedHostsAsOrigins, location, call.AsUseOf(location), messageArgs: DedicatedOriginsKey);
            }
        }
    }
}
