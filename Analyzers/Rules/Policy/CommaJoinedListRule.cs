using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS024: an entry of <c>WithMethods</c>, <c>WithHeaders</c> or <c>WithExposedHeaders</c> whose known value holds a comma
/// (<c>"GET,POST,PUT"</c>). The framework never splits it and sends it as one quoted value, which Chromium cannot parse
/// (GROUND_TRUTH 39, 40). The squiggle is on the entry where the call names it; the fix splits it into trimmed names.
/// </summary>
internal static class CommaJoinedListRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            foreach (var call in path.Calls)
            {
                if (call.Kind is not (PolicyCallKind.WithMethods or PolicyCallKind.WithHeaders or PolicyCallKind.WithExposedHeaders)
                    || call.Operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                foreach (var entry in OriginArguments.Read(invocation.Arguments, context.CancellationToken))
                {
                    if (entry.Operation is not { } operation
                        || (entry.Value ?? KnownValue.Of(operation, context.CancellationToken)) is not { } value
                        || value.IndexOf(',') < 0)
                    {
                        continue;
                    }

                    var location = operation.Syntax.GetLocation();
                    var use = call.AsUseOf(location);
                    var names = Split(value);
                    var properties = names.Count > 0
                        ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Names, string.Join("\n", names))
                        : null;
                    context.Report(DiagnosticDescriptors.CommaJoinedList, location, use, properties, value, PolicyCall.MethodNameOf(call.Kind), Consequence(call.Kind));
                }
            }
        }
    }

    /// <summary>The names of a joined entry, trimmed, without empty ones.</summary>
    internal static List<string> Split(string value)
    {
        var names = new List<string>();
        foreach (var part in value.Split(','))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    internal static string Consequence(PolicyCallKind kind) => kind == PolicyCallKind.WithExposedHeaders
        ? "browsers cannot parse it, so the page can read none of these headers"
        : "browsers cannot parse it, so every preflighted request fails";

    /// <summary>CORS024 in appsettings: a method or header entry that holds a comma.</summary>
    public static void CheckSetting(ConfiguredValue value, RuleContext context)
    {
        if (value.Use.NamesOf is { } names && value.Text.IndexOf(',') >= 0)
        {
            context.Report(DiagnosticDescriptors.CommaJoinedListInSettings, value.Location, value.ReadLocations, null, value.Text, value.Where, PolicyCall.MethodNameOf(names), Consequence(names));
        }
    }
}
