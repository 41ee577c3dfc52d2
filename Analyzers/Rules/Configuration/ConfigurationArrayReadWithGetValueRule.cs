using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Configuration;

/// <summary>CORS019: a list of origins, methods or headers read with <c>GetValue&lt;string[]&gt;</c>, which never binds a section's children.</summary>
internal static class ConfigurationArrayReadWithGetValueRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var (call, read) in policy.ConfigurationReads())
        {
            if (read.GetValueCollection is { } collection)
            {
                var location = read.Read.GetCallLocation();
                context.Report(DiagnosticDescriptors.ConfigurationArrayReadWithGetValue, location, call.AsUseOf(location), messageArgs: new object?[]
                {
                    collection.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    read.HasFallback
                        ? $"only the fallback value reaches {call.MethodName}, never the configured values"
                        : $"{call.MethodName} gets null, so building the policy throws and the app fails to start",
                });
            }
        }
    }
}
