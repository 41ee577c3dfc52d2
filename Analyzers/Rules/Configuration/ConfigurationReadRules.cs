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
/// (<c>AllowedHosts</c> as origins), CORS007 for a list split without trimming; and hands each configured origin
/// over to <see cref="SettingsOrigins"/>, which checks the values in appsettings*.json.
/// </summary>
internal static class ConfigurationReadRules
{
    /// <summary>The key the fixes read origins from instead.</summary>
    public const string DedicatedOriginsKey = "Cors:AllowedOrigins";

    public const string AllowedHostsKey = "AllowedHosts";


    public static void Check(PolicyAnalysis policy, PolicyRuleContext context)
    {
        if (context.Types.Configuration.IConfiguration is null)
        {
            return;
        }

        Dictionary<PolicyCall, ImmutableArray<ConfigurationRead>>? cache = null;
        foreach (var path in policy.Paths)
        {
            foreach (var call in path.Calls)
            {
                if (!TakesValues(call.Kind))
                {
                    continue;
                }

                cache ??= new Dictionary<PolicyCall, ImmutableArray<ConfigurationRead>>();
                if (!cache.TryGetValue(call, out var reads))
                {
                    reads = HasComputedArgument(call.Operation)
                        ? ConfigurationReads.Of(call.Operation, context.Types, context.CancellationToken)
                        : ImmutableArray<ConfigurationRead>.Empty;
                    cache[call] = reads;
                }

                foreach (var read in reads)
                {
                    CheckRead(read, call, context);
                }

                if (call.Kind == PolicyCallKind.WithOrigins && !reads.IsEmpty)
                {
                    context.Settings?.Collect(path, call, reads, context);
                }
                else if (!reads.IsEmpty)
                {
                    context.Settings?.CollectNames(call, reads);
                }
            }
        }
    }

    private static void CheckRead(ConfigurationRead read, PolicyCall call, PolicyRuleContext context)
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

        if (string.Equals(read.Key, AllowedHostsKey, StringComparison.OrdinalIgnoreCase))
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

    private static bool TakesValues(PolicyCallKind kind) =>
        kind is PolicyCallKind.WithOrigins or PolicyCallKind.WithMethods or PolicyCallKind.WithHeaders or PolicyCallKind.WithExposedHeaders;

    /// <summary>Cheap test before the walk: literals only (the common case) read no configuration.</summary>
    private static bool HasComputedArgument(IOperation call)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            if (argument.Value.WalkDownConversion() is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return true;
                    }
                }
            }
            else if (!argument.Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
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
