using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>CORS013: names no AddPolicy adds, UseCors() without a default policy, [EnableCors] with neither (decided at compilation end).</summary>
internal static class UnknownPolicyNameRule
{
    public static void Check(RegistrationModel model, RuleContext context)
    {
        if (!context.IsApp)
        {
            return;
        }

        Action<Diagnostic> report = context.Report;
        // Without any CORS registration CORS010 already reports the UseCors calls.
        if (!model.ServicesRegistered || model.ServicesUnknown || model.CorsCallUnbound || model.Policies.Any(static p => !p.IsDefault && p.Name is null))
        {
            return;
        }

        var names = model.Policies.Where(static p => p.Name is not null).Select(static p => p.Name!).Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(names, StringComparer.Ordinal);
        var hasDefault = model.DefaultPolicyNamed || model.Policies.Any(static p => p.IsDefault);
        var endpointNamesPolicy = model.EndpointsUnknown || model.References.Any(static r => r.Kind == PolicyReferenceKind.RequireCorsInline
            || (r.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.EnableCors && (r.Name is not null || !r.NameIsConstant)));
        var useCorsNamesPolicy = model.References.Any(static r => r.Kind == PolicyReferenceKind.UseCors && (r.Name is not null || !r.NameIsConstant));

        foreach (var reference in model.References)
        {
            if (reference.Kind is not (PolicyReferenceKind.UseCors or PolicyReferenceKind.RequireCors or PolicyReferenceKind.EnableCors) || !reference.NameIsConstant)
            {
                continue;
            }

            if (reference.Name is { } name)
            {
                if (!known.Contains(name))
                {
                    var candidates = Rank(name, names);
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Candidates, string.Join("\n", candidates)).Add(DiagnosticProperties.PolicyName, name);
                    var added = names.Count == 0 ? "no named policy is added" : "added: " + string.Join(", ", names.Take(5).Select(static n => $"'{n}'")) + (names.Count > 5 ? ", ..." : string.Empty);
                    report(Diagnostic.Create(DiagnosticDescriptors.UnknownPolicyName, reference.Location, properties, $"No CORS policy named '{name}' is added ({added})"));
                }
            }
            else if (!hasDefault && reference.Kind == PolicyReferenceKind.UseCors && !endpointNamesPolicy)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UnknownPolicyName, reference.Location, "UseCors() applies the default policy, but no default policy is added and no endpoint names a policy"));
            }
            else if (!hasDefault && reference.Kind == PolicyReferenceKind.EnableCors && !useCorsNamesPolicy)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UnknownPolicyName, reference.Location, "[EnableCors] without a name applies the default policy, but no default policy is added and UseCors names none"));
            }
        }
    }

    /// <summary>Existing names, best first: same name in another case, then by edit distance.</summary>
    private static List<string> Rank(string name, List<string> names) =>
        names.OrderBy(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => EditDistance(n.ToLowerInvariant(), name.ToLowerInvariant()))
            .ThenBy(n => n, StringComparer.Ordinal)
            .Take(3)
            .ToList();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
