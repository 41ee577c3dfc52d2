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
/// A branch pipeline (<c>Map</c>, <c>MapWhen</c>, <c>UseWhen</c>) runs after the middleware added before it, so a UseCors
/// written in the branch's lambda is a second one when every path reaching the branch already has one. A branch does
/// not run the middleware added after it (<c>Map</c>, <c>MapWhen</c>), or runs it second for its own requests only
/// (<c>UseWhen</c>): neither makes the main pipeline's later UseCors a second one on every path.
/// </summary>
internal static class SecondCorsMiddlewareRule
{

    public static void Check(CorsPipelineModel pipeline, RuleContext context)
    {
        var verdicts = new Dictionary<PipelineCall, Verdict>();
        var order = new List<PipelineCall>();
        var branches = new Dictionary<IInvocationOperation, List<PipelineCall>>();
        foreach (var path in pipeline.Paths)
        {
            var seen = new List<PipelineCall>();
            foreach (var call in path)
            {
                if (call.Kind == MiddlewareKind.Other)
                {
                    if (!branches.TryGetValue(call.Operation, out var inBranch))
                    {
                        inBranch = BranchUseCors(call.Operation, context.Types);
                        branches[call.Operation] = inBranch;
                    }

                    // The branch runs after what came before it; its own UseCors calls are not before anything here.
                    foreach (var branchCall in inBranch)
                    {
                        Observe(branchCall, FirstOnSameApp(seen, call), verdicts, order, context.CancellationToken);
                    }
                }
                else if (call.Kind == MiddlewareKind.UseCors)
                {
                    Observe(call, FirstOnSameApp(seen, call), verdicts, order, context.CancellationToken);
                    seen.Add(call);
                }
            }
        }

        foreach (var call in order)
        {
            if (verdicts[call] is not { First: { } first } verdict)
            {
                continue;
            }

            var same = verdict.SamePolicy && SamePolicy(first, call, context.CancellationToken);
            var properties = same && call.Statement is not null && IsInBody(call, pipeline.Root)
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SamePolicy, "true")
                : ImmutableDictionary<string, string?>.Empty;
            var consequence = same
                ? "both apply the same policy, so this one only repeats what the first already did"
                : "the first answers every preflight request itself, so this policy never applies to preflights and an origin only it allows is blocked";
            context.Report(Diagnostic.Create(DiagnosticDescriptors.SecondCorsMiddleware, call.Location, new[] { first.Location }, properties, Describe(first, context.CancellationToken), consequence));
        }
    }

    /// <summary>The first UseCors of the path that may be on the same app as <paramref name="call"/>.</summary>
    private static PipelineCall? FirstOnSameApp(List<PipelineCall> seen, PipelineCall call)
    {
        foreach (var earlier in seen)
        {
            if (MayBeSameApp(earlier.Operation, call.Operation))
            {
                return earlier;
            }
        }

        return null;
    }

    /// <summary>
    /// False only for two calls of one body on two different app variables (<c>app1.UseCors(); app2.UseCors();</c>): two
    /// pipelines. Calls in different bodies are made through the project's helpers, which receive the app they extend.
    /// </summary>
    private static bool MayBeSameApp(IInvocationOperation first, IInvocationOperation second)
    {
        var a = AppSymbol(first);
        var b = AppSymbol(second);
        return a is null || b is null
            || !SymbolEqualityComparer.Default.Equals(a.ContainingSymbol, b.ContainingSymbol)
            || SymbolEqualityComparer.Default.Equals(a, b);
    }

    private static ISymbol? AppSymbol(IInvocationOperation call) =>
        (call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null))?.WalkDownConversion() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

    /// <summary>A UseCors reached on a path whose first UseCors is <paramref name="first"/> (null: this path has none before it).</summary>
    private static void Observe(PipelineCall call, PipelineCall? first, Dictionary<PipelineCall, Verdict> verdicts, List<PipelineCall> order, CancellationToken cancellationToken)
    {
        if (!verdicts.TryGetValue(call, out var verdict))
        {
            order.Add(call);
            verdicts[call] = new Verdict(first);
        }
        else if (first is null)
        {
            // On this path the call is the first CORS middleware: it is not a second one on every path.
            verdict.First = null;
        }
        else if (verdict.First is not null && !ReferenceEquals(verdict.First, first))
        {
            verdict.SamePolicy &= SamePolicy(first, call, cancellationToken);
        }
    }

    /// <summary>
    /// The UseCors calls written directly in the configuration lambda of a framework <c>Map</c>, <c>MapWhen</c> or
    /// <c>UseWhen</c> (not in lambdas nested in it, nor in helpers it calls).
    /// </summary>
    private static List<PipelineCall> BranchUseCors(IInvocationOperation branch, CorsKnownTypes types)
    {
        var calls = new List<PipelineCall>();
        if (branch.TargetMethod is not { Name: "Map" or "MapWhen" or "UseWhen" } method
            || method.ContainingType?.Name is not ("MapExtensions" or "MapWhenExtensions" or "UseWhenExtensions")
            || method.ContainingAssembly?.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) != true)
        {
            return calls;
        }

        foreach (var argument in branch.Arguments)
        {
            if (argument.Value.WalkDownConversion() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Symbol.Parameters.Length != 1
                || !CorsKnownTypes.Implements(lambda.Symbol.Parameters[0].Type, types.IApplicationBuilder))
            {
                continue;
            }

            var pending = new Stack<IOperation>();
            pending.Push(lambda.Body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IInvocationOperation { TargetMethod.Name: "UseCors" } useCors
                    && types.CorsMiddlewareExtensions is { } extensions
                    && SymbolEqualityComparer.Default.Equals(useCors.TargetMethod.ContainingType, extensions))
                {
                    calls.Add(new PipelineCall(MiddlewareKind.UseCors, useCors));
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        calls.Sort((a, b) => a.Operation.Syntax.SpanStart.CompareTo(b.Operation.Syntax.SpanStart));
        return calls;
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
