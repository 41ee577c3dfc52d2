using System;
using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>CORS011: policies or endpoint metadata, and no UseCors anywhere (decided at compilation end).</summary>
internal static class CorsNeverAppliedRule
{
    public static void Check(RegistrationModel model, RuleContext context)
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
            var statements = string.Join("\n", names.Select(n => target.Statement($"UseCors({(n is null ? string.Empty : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(n, quote: true))})")));
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
}
