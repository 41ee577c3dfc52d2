using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>CORS010, CORS011 and CORS013: checks over the whole app's registrations, run at compilation end.</summary>
internal static class RegistrationRules
{
    /// <summary>CORS010: UseCors while nothing registers the CORS services.</summary>
    public static void CheckServicesRegistered(RegistrationModel model, RuleContext context)
    {
        if (!context.IsApp)
        {
            return;
        }

        Action<Diagnostic> report = context.Report;
        if (model.ServicesRegistered || model.ServicesUnknown || model.CorsCallUnbound)
        {
            return;
        }

        var slot = PipelineSlots.ForAddCors(model);
        foreach (var reference in model.References)
        {
            if (reference.Kind is PolicyReferenceKind.UseCors or PolicyReferenceKind.UseCorsInline)
            {
                report(slot is { } s
                    ? Diagnostic.Create(DiagnosticDescriptors.UseCorsWithoutServices, reference.Location, new[] { s.Slot.Location }, s.Slot.InsertProperties(s.Code))
                    : Diagnostic.Create(DiagnosticDescriptors.UseCorsWithoutServices, reference.Location));
            }
        }
    }

    /// <summary>CORS011: policies or endpoint metadata, and no UseCors anywhere.</summary>
    public static void CheckApplied(RegistrationModel model, RuleContext context)
    {
        if (!context.IsApp)
        {
            return;
        }

        Action<Diagnostic> report = context.Report;
        if (model.PipelineUnknown || model.CorsCallUnbound || model.References.Any(static r => r.Kind is PolicyReferenceKind.UseCors or PolicyReferenceKind.UseCorsInline))
        {
            return;
        }

        var metadata = model.References.Where(static r => r.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.RequireCorsInline or PolicyReferenceKind.EnableCors).ToList();
        Location location;
        string what;
        if (model.Policies.Count > 0)
        {
            location = model.Policies[0].Operation.GetCallLocation();
            what = model.Policies[0] switch
            {
                { IsDefault: true } => "a default policy is added",
                { Name: { } name } => $"policy '{name}' is added",
                _ => "a named policy is added, its name known only at run time",
            };
        }
        else if (metadata.Count > 0)
        {
            location = metadata[0].Location;
            what = metadata[0].Kind == PolicyReferenceKind.EnableCors ? "[EnableCors] is used" : "RequireCors is used";
        }
        else
        {
            return;
        }

        var slot = model.Pipelines.OrderBy(static p => p.IsEntryPoint ? 0 : 1)
            .Select(static p => p.Paths.IsEmpty ? null : PipelineSlots.ForUseCors(p.Paths[0])).FirstOrDefault(static s => s is not null);
        if (slot is { } target && UseCorsNames(model, metadata) is { } names)
        {
            // One statement per policy the inserted UseCors can apply; the fix offers one action for each.
            var statements = string.Join("\n", names.Select(n => $"{target.Receiver}.UseCors({(n is null ? string.Empty : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(n, quote: true))});"));
            var properties = target.InsertProperties(statements);
            if (names.Count > 1)
            {
                properties = properties.Add(DiagnosticProperties.Candidates, string.Join("\n", names));
            }

            report(Diagnostic.Create(DiagnosticDescriptors.CorsNeverApplied, location, new[] { target.Location }, properties, what));
        }
        else
        {
            report(Diagnostic.Create(DiagnosticDescriptors.CorsNeverApplied, location, what));
        }
    }

    /// <summary>
    /// The policy names an inserted UseCors may apply without creating CORS013: a single null (<c>UseCors()</c>) when a
    /// default policy exists or endpoints name their policies; else each named policy; null when no call is right
    /// (an unnamed [EnableCors] or RequireCors() without a default policy, a policy name known only at run time).
    /// </summary>
    private static List<string?>? UseCorsNames(RegistrationModel model, List<PolicyReference> metadata)
    {
        var hasDefault = model.DefaultPolicyNamed || model.Policies.Any(static p => p.IsDefault);
        var unnamedMetadata = metadata.Any(static r => r.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.EnableCors && r.Name is null && r.NameIsConstant);
        if (hasDefault)
        {
            return new List<string?> { null };
        }

        if (unnamedMetadata)
        {
            return null;
        }

        if (model.EndpointsUnknown || metadata.Count > 0)
        {
            // The endpoints choose their policies; UseCors() only runs the middleware.
            return new List<string?> { null };
        }

        if (model.Policies.Count == 0 || model.Policies.Any(static p => p.Name is null))
        {
            return null;
        }

        return model.Policies.Select(static p => p.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>CORS013: names no AddPolicy adds, UseCors() without a default policy, [EnableCors] with neither.</summary>
    public static void CheckPolicyNames(RegistrationModel model, RuleContext context)
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
