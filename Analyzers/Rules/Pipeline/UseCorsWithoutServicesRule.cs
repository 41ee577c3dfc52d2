using System;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>CORS010: UseCors while nothing registers the CORS services (decided at compilation end).</summary>
internal static class UseCorsWithoutServicesRule
{
    public static void Check(RegistrationModel model, RuleContext context)
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
}
