using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS023: a UseCors that runs after another UseCors on every path that reaches it. The first middleware that resolves a
/// policy answers every preflight itself, so the second one's policy never applies to preflights (GROUND_TRUTH 38).
/// Branch pipelines built in lambdas (<c>Map</c>, <c>MapWhen</c>, <c>UseWhen</c>) are not part of the model: a UseCors
/// inside one is not seen, so it is never a finding.
/// </summary>
internal static class SecondCorsMiddlewareRule
{
    /// <summary>Diagnostic property: "true" when both calls apply the same policy and the second statement can go.</summary>
    public const string SamePolicyProperty = "SamePolicy";

    public static void Check(CorsPipelineModel pipeline, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var verdicts = new Dictionary<PipelineCall, Verdict>();
        var order = new List<PipelineCall>();
        foreach (var path in pipeline.Paths)
        {
            PipelineCall? first = null;
            foreach (var call in path)
            {
                if (call.Kind != MiddlewareKind.UseCors)
                {
                    continue;
                }

                var seen = verdicts.TryGetValue(call, out var verdict);
                if (!seen)
                {
                    order.Add(call);
                    verdict = new Verdict(first);
                    verdicts[call] = verdict;
                }

                if (first is null)
                {
                    // On this path the call is the first CORS middleware: it is not a second one on every path.
                    verdict.First = null;
                    first = call;
                    continue;
                }

                if (seen && verdict.First is not null && !ReferenceEquals(verdict.First, first))
                {
                    verdict.SamePolicy &= SamePolicy(first, call, cancellationToken);
                }
            }
        }

        foreach (var call in order)
        {
            if (verdicts[call] is not { First: { } first } verdict)
            {
                continue;
            }

            var same = verdict.SamePolicy && SamePolicy(first, call, cancellationToken);
            var properties = same && call.Statement is not null && IsInBody(call, pipeline.Root)
                ? ImmutableDictionary<string, string?>.Empty.Add(SamePolicyProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            var consequence = same
                ? "both apply the same policy, so this one only repeats what the first already did"
                : "the first answers every preflight request itself, so this policy never applies to preflights and an origin only it allows is blocked";
            report(Diagnostic.Create(DiagnosticDescriptors.SecondCorsMiddleware, call.Location, new[] { first.Location }, properties, Describe(first, cancellationToken), consequence));
        }
    }

    /// <summary>The policy a UseCors applies: "" for the default policy, the name, or null for an inline or unknown policy.</summary>
    private static string? PolicyOf(PipelineCall call, CancellationToken cancellationToken)
    {
        var arguments = call.Operation.Arguments;
        if (arguments.Length < 2 || arguments[1].ArgumentKind == ArgumentKind.DefaultValue)
        {
            return string.Empty;
        }

        return arguments[1].Parameter?.Type.SpecialType == SpecialType.System_String ? KnownValue.Of(arguments[1].Value, cancellationToken) : null;
    }

    private static bool SamePolicy(PipelineCall first, PipelineCall second, CancellationToken cancellationToken) =>
        PolicyOf(first, cancellationToken) is { } policy && policy == PolicyOf(second, cancellationToken);

    private static string Describe(PipelineCall first, CancellationToken cancellationToken) => PolicyOf(first, cancellationToken) switch
    {
        "" => "UseCors()",
        { } name => "UseCors(\"" + name + "\")",
        null => "an earlier UseCors",
    };

    /// <summary>
    /// The call is written in the pipeline body itself, not in a helper, local function or type that other pipelines may use
    /// too (the body of top-level statements is the whole file, types declared after the statements included).
    /// </summary>
    private static bool IsInBody(PipelineCall call, IOperation root)
    {
        if (call.Operation.Syntax.SyntaxTree != root.Syntax.SyntaxTree || !root.Syntax.Span.Contains(call.Operation.Syntax.Span))
        {
            return false;
        }

        for (var node = call.Operation.Syntax.Parent; node is not null && node != root.Syntax; node = node.Parent)
        {
            if (node is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or BaseTypeDeclarationSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Verdict
    {
        public Verdict(PipelineCall? first)
        {
            First = first;
        }

        /// <summary>The first UseCors before the call; null once a path reaches the call without one.</summary>
        public PipelineCall? First { get; set; }

        /// <summary>False once some path has a first UseCors that applies another policy than the first path's.</summary>
        public bool SamePolicy { get; set; } = true;
    }
}
