using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Configuration;

/// <summary>
/// The rules about how a policy reads configuration: CORS019 (an array read with <c>GetValue</c>), CORS020
/// (<c>AllowedHosts</c> as origins), CORS007 for a list split without trimming. The values in appsettings*.json are
/// checked by the <see cref="RuleTable.Settings"/> rules.
/// </summary>
internal static class ConfigurationReadRules
{
    /// <summary>The key the fixes read origins from instead.</summary>
    public const string DedicatedOriginsKey = "Cors:AllowedOrigins";

    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            foreach (var call in path.Calls)
            {
                foreach (var read in policy.ConfigurationReadsOf(call))
                {
                    CheckRead(read, call, context);
                }
            }
        }
    }

    private static void CheckRead(ConfigurationRead read, PolicyCall call, RuleContext context)
    {
        if (read.GetValueCollection is { } collection)
        {
            var location = read.Read.GetCallLocation();
            context.Report(DiagnosticDescriptors.ConfigurationArrayReadWithGetValue, location, UseOf(location, call), messageArgs: new object?[]
            {
                collection.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                read.HasFallback
                    ? $"only the fallback value reaches {CallName(call)}, never the configured values"
                    : $"{CallName(call)} gets null, so building the policy throws and the app fails to start",
            });
        }

        if (call.Kind != PolicyCallKind.WithOrigins)
        {
            return;
        }

        if (string.Equals(read.Key, CorsConstants.AllowedHostsKey, StringComparison.OrdinalIgnoreCase))
        {
            // A projection (h => "https://" + h) may turn the host list into origins: only the value read as is is a finding.
            if (!read.ValuesTransformed)
            {
                var location = ReadLocation(read.Read);
                context.Report(DiagnosticDescriptors.AllowedHostsAsOrigins, location, UseOf(location, call), messageArgs: DedicatedOriginsKey);
            }

            // The key is wrong whatever is done with its value: the split is not a finding of its own.
            return;
        }

        if (read.Split is { Trims: false } split && ListSeparator(split) is { } separator)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SplitFix, context.Types.Configuration.HasTrimEntries ? "TrimEntries" : "Trim");
            var location = split.Call.GetCallLocation();
            context.Report(DiagnosticDescriptors.ConfiguredListSplitUntrimmed, location, UseOf(location, call), properties, new object?[]
            {
                separator,
                context.Types.Configuration.HasTrimEntries
                    ? "add StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries"
                    : "trim each entry",
            });
        }
    }

    /// <summary>The builder call that uses a value, when the value is read somewhere else (a local, a helper).</summary>
    private static Location[]? UseOf(Location read, PolicyCall call) =>
        read.SourceTree == call.Location.SourceTree && call.Location.SourceSpan.Contains(read.SourceSpan) ? null : new[] { call.Location };

    /// <summary>A split on ',' or ';' (not one that also splits on whitespace): the separator, or null.</summary>
    private static string? ListSeparator(ConfiguredSplit split)
    {
        string? found = null;
        foreach (var separator in split.Separators)
        {
            if (separator.Trim().Length != separator.Length)
            {
                return null;
            }

            if (found is null && separator is "," or ";")
            {
                found = separator;
            }
        }

        return found;
    }

    /// <summary>A method call from its name through the closing parenthesis; an indexer or property read whole.</summary>
    public static Location ReadLocation(IOperation read) =>
        read is IInvocationOperation ? read.GetCallLocation() : read.Syntax.GetLocation();

    private static string CallName(PolicyCall call) => call.Kind switch
    {
        PolicyCallKind.WithMethods => "WithMethods",
        PolicyCallKind.WithHeaders => "WithHeaders",
        PolicyCallKind.WithExposedHeaders => "WithExposedHeaders",
        _ => "WithOrigins",
    };
}
