using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS012: UseCors after authorization, caching or UseEndpoints (decided per pipeline, live), and before
/// an explicit UseRouting while endpoints carry CORS metadata (decided at compilation end). A finding must hold on every
/// path that reaches the UseCors call.
/// </summary>
internal static class MisplacedUseCorsRule
{
    public static void CheckOrder(CorsPipelineModel pipeline, RuleContext context)
    {
        foreach (var (useCors, conflict, slot) in Verdicts(pipeline, FindLaterConflict))
        {
            var (name, consequence) = Describe(conflict.Kind);
            context.Report(Create(DiagnosticDescriptors.MisplacedUseCors, useCors, conflict, slot, name, consequence));
        }
    }

    /// <summary>
    /// UseCors before UseRouting matters only when endpoints carry CORS metadata (RequireCors, [EnableCors], [DisableCors]):
    /// the middleware then runs before the endpoint is known, so the metadata is ignored.
    /// </summary>
    public static void CheckRouting(RegistrationModel model, RuleContext context)
    {
        foreach (var reference in model.References)
        {
            if (reference.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.RequireCorsInline or PolicyReferenceKind.EnableCors or PolicyReferenceKind.DisableCors)
            {
                foreach (var pipeline in model.Pipelines)
                {
                    foreach (var (useCors, routing, slot) in Verdicts(pipeline, FindLaterRouting))
                    {
                        context.Report(Create(DiagnosticDescriptors.UseCorsBeforeRouting, useCors, routing, slot));
                    }
                }

                return;
            }
        }
    }

    private static Diagnostic Create(DiagnosticDescriptor descriptor, PipelineCall useCors, PipelineCall conflict, Slot? slot, params object[] args)
    {
        var locations = new List<Location> { conflict.Location };
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (slot is { } target && useCors.Statement is not null)
        {
            locations.Add(target.Location);
            properties = target.MoveProperties();
        }

        return Diagnostic.Create(descriptor, useCors.Location, locations, properties, args);
    }

    /// <summary>The UseCors calls for which <paramref name="find"/> finds the same kind of conflict on every path that reaches them.</summary>
    private static List<(PipelineCall UseCors, PipelineCall Conflict, Slot? Slot)> Verdicts(
        CorsPipelineModel pipeline,
        Func<ImmutableArray<PipelineCall>, int, PipelineCall?> find)
    {
        var verdicts = new Dictionary<PipelineCall, (PipelineCall? Conflict, Slot? Slot)>();
        var order = new List<PipelineCall>();
        foreach (var path in pipeline.Paths)
        {
            for (var i = 0; i < path.Length; i++)
            {
                if (path[i].Kind != MiddlewareKind.UseCors)
                {
                    continue;
                }

                var conflict = HasUnknownBefore(path, i) ? null : find(path, i);
                if (!verdicts.TryGetValue(path[i], out var previous))
                {
                    order.Add(path[i]);
                    verdicts[path[i]] = (conflict, conflict is null || HasOtherUseCors(path, i) ? null : PipelineSlots.ForUseCors(Without(path, i)));
                }
                else if (previous.Conflict is not null && (conflict is null || conflict.Kind != previous.Conflict.Kind))
                {
                    verdicts[path[i]] = (null, null);
                }
                else if (HasOtherUseCors(path, i))
                {
                    // Moved among other UseCors calls, it would run second to one of them (CORS023): no move is right.
                    verdicts[path[i]] = (previous.Conflict, null);
                }
            }
        }

        var result = new List<(PipelineCall, PipelineCall, Slot?)>();
        foreach (var useCors in order)
        {
            if (verdicts[useCors] is { Conflict: { } conflict } verdict)
            {
                result.Add((useCors, conflict, verdict.Slot));
            }
        }

        return result;
    }

    private static PipelineCall? FindLaterConflict(ImmutableArray<PipelineCall> path, int useCors)
    {
        PipelineCall? auth = null;
        PipelineCall? caching = null;
        for (var i = 0; i < useCors; i++)
        {
            switch (path[i].Kind)
            {
                case MiddlewareKind.UseEndpoints:
                    return path[i];
                // Between UseAuthentication and UseAuthorization CORS still answers preflights (GROUND_TRUTH 32).
                case MiddlewareKind.UseAuthorization:
                    auth ??= path[i];
                    break;
                case MiddlewareKind.UseResponseCaching or MiddlewareKind.UseOutputCache:
                    caching ??= path[i];
                    break;
            }
        }

        return auth ?? caching;
    }

    private static PipelineCall? FindLaterRouting(ImmutableArray<PipelineCall> path, int useCors)
    {
        for (var i = useCors + 1; i < path.Length; i++)
        {
            if (path[i].Kind == MiddlewareKind.UseRouting)
            {
                return path[i];
            }
        }

        return null;
    }

    /// <summary>True when the path runs another UseCors: wherever this one goes, one of the two runs second.</summary>
    private static bool HasOtherUseCors(ImmutableArray<PipelineCall> path, int index)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (i != index && path[i].Kind == MiddlewareKind.UseCors && !ReferenceEquals(path[i], path[index]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasUnknownBefore(ImmutableArray<PipelineCall> path, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (path[i].Kind == MiddlewareKind.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The path without the misplaced call, to find where it belongs.</summary>
    private static ImmutableArray<PipelineCall> Without(ImmutableArray<PipelineCall> path, int index) => path.RemoveAt(index);

    private static (string Name, string Consequence) Describe(MiddlewareKind kind) => kind switch
    {
        MiddlewareKind.UseEndpoints => ("UseEndpoints", "CORS never runs for endpoint requests, so responses get no CORS headers and preflights get 405"),
        MiddlewareKind.UseAuthorization => ("UseAuthorization", "preflight requests to endpoints that require authorization get the authentication challenge instead of CORS headers"),
        MiddlewareKind.UseResponseCaching => ("UseResponseCaching", "responses served from the cache are replayed without CORS headers"),
        _ => ("UseOutputCache", "responses served from the cache are replayed without CORS headers"),
    };
}
