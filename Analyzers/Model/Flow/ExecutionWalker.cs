using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Walks code in execution order and records events per path: forks at <c>if</c>/<c>?:</c>/<c>switch</c>, marks
/// development-only branches, ends paths at <c>return</c>/<c>throw</c>, and can follow calls into the project's own
/// methods. Nested lambdas and local functions are skipped: they run later, if at all.
/// </summary>
internal abstract class ExecutionWalker<T>
    where T : class
{
    /// <summary>Beyond this many paths code is too branchy to reason about, and rules stay silent.</summary>
    private const int MaxPaths = 32;

    /// <summary>How many levels of the project's helper methods are followed.</summary>
    private const int MaxHelperDepth = 4;

    private readonly Stack<IMethodSymbol> _helpers = new();

    protected ExecutionWalker(CorsKnownTypes types, CancellationToken cancellationToken)
    {
        Types = types;
        CancellationToken = cancellationToken;
    }

    protected CorsKnownTypes Types { get; }

    protected CancellationToken CancellationToken { get; }

    /// <summary>True once the paths exceeded <see cref="MaxPaths"/>: results are incomplete and must not be reported on.</summary>
    protected bool TooComplex { get; private set; }

    protected static List<ExecutionPath<T>> Start(bool inDevelopment) =>
        new() { inDevelopment ? default(ExecutionPath<T>).InDevelopment() : default };

    protected List<ExecutionPath<T>> Walk(IOperation? operation, List<ExecutionPath<T>> paths)
    {
        if (operation is null || paths.Count == 0 || TooComplex)
        {
            return paths;
        }

        CancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                return paths;

            case IConditionalOperation conditional:
                paths = Walk(conditional.Condition, paths);
                var whenTrue = paths;
                var whenFalse = paths;
                if (DevelopmentOnly.IsDevelopmentCheck(conditional.Condition, Types, out var developmentWhenTrue))
                {
                    // Events in the development branch only happen in development.
                    if (developmentWhenTrue)
                    {
                        whenTrue = Map(paths, static path => path.InDevelopment());
                    }
                    else
                    {
                        whenFalse = Map(paths, static path => path.InDevelopment());
                    }
                }

                return Merge(Walk(conditional.WhenTrue, whenTrue), conditional.WhenFalse is null ? whenFalse : Walk(conditional.WhenFalse, whenFalse));

            case ILoopOperation loop:
                // A loop body may run zero or more times; once stands for "some".
                return Merge(paths, WalkChildren(loop, paths));

            case ISwitchOperation switchOperation:
                return WalkSwitch(switchOperation, paths);

            case IReturnOperation or IThrowOperation:
                return Map(WalkChildren(operation, paths), static path => path.Return());

            case IInvocationOperation invocation:
                return OnInvocation(invocation, WalkChildren(operation, paths));

            default:
                return OnOperation(operation, paths);
        }
    }

    /// <summary>Called after the receiver and arguments of <paramref name="invocation"/> were walked.</summary>
    protected abstract List<ExecutionPath<T>> OnInvocation(IInvocationOperation invocation, List<ExecutionPath<T>> paths);

    /// <summary>Any other operation; the default walks its children.</summary>
    protected virtual List<ExecutionPath<T>> OnOperation(IOperation operation, List<ExecutionPath<T>> paths) => WalkChildren(operation, paths);

    protected List<ExecutionPath<T>> WalkChildren(IOperation operation, List<ExecutionPath<T>> paths)
    {
        foreach (var child in operation.ChildOperations)
        {
            paths = Walk(child, paths);
        }

        return paths;
    }

    /// <summary>
    /// Walks the body of the project's own method that <paramref name="invocation"/> calls, as part of the current paths;
    /// null when the body cannot be seen (metadata, a delegate, recursion, too deep).
    /// </summary>
    protected List<ExecutionPath<T>>? TryFollow(IInvocationOperation invocation, List<ExecutionPath<T>> paths, Action? enter = null, Action? exit = null)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (_helpers.Count >= MaxHelperDepth || IsFollowing(method))
        {
            return null;
        }

        var body = SourceOperations.GetBody(method, invocation, CancellationToken);
        if (body is null)
        {
            return null;
        }

        // Paths that already returned do not run the callee; a return inside the callee ends the callee, not the caller.
        var finished = new List<ExecutionPath<T>>();
        var running = new List<ExecutionPath<T>>();
        foreach (var path in paths)
        {
            (path.Returned ? finished : running).Add(path);
        }

        enter?.Invoke();
        _helpers.Push(method);
        var afterCall = Walk(body, running);
        _helpers.Pop();
        exit?.Invoke();

        finished.AddRange(Map(afterCall, static path => path.Resume()));
        return finished;
    }

    protected static List<ExecutionPath<T>> Append(List<ExecutionPath<T>> paths, T item) =>
        Map(paths, path => path.Returned ? path : path.Add(item));

    // Path lists are never changed in place: branches share their incoming list.
    protected static List<ExecutionPath<T>> Map(List<ExecutionPath<T>> paths, Func<ExecutionPath<T>, ExecutionPath<T>> map)
    {
        var result = new List<ExecutionPath<T>>(paths.Count);
        foreach (var path in paths)
        {
            result.Add(map(path));
        }

        return result;
    }

    private List<ExecutionPath<T>> WalkSwitch(ISwitchOperation switchOperation, List<ExecutionPath<T>> paths)
    {
        paths = Walk(switchOperation.Value, paths);
        var result = new List<ExecutionPath<T>>();
        var hasDefault = false;
        foreach (var section in switchOperation.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                hasDefault |= clause.CaseKind == CaseKind.Default;
            }

            var sectionPaths = paths;
            foreach (var statement in section.Body)
            {
                sectionPaths = Walk(statement, sectionPaths);
            }

            result = Merge(result, sectionPaths);
        }

        return hasDefault ? result : Merge(result, paths);
    }

    private List<ExecutionPath<T>> Merge(List<ExecutionPath<T>> first, List<ExecutionPath<T>> second)
    {
        var result = new List<ExecutionPath<T>>(first.Count + second.Count);
        AddDistinct(result, first);
        AddDistinct(result, second);
        if (result.Count > MaxPaths)
        {
            TooComplex = true;
        }

        return result;
    }

    private static void AddDistinct(List<ExecutionPath<T>> result, List<ExecutionPath<T>> paths)
    {
        foreach (var path in paths)
        {
            if (!result.Contains(path))
            {
                result.Add(path);
            }
        }
    }

    private bool IsFollowing(IMethodSymbol method)
    {
        foreach (var helper in _helpers)
        {
            if (SymbolEqualityComparer.Default.Equals(helper, method))
            {
                return true;
            }
        }

        return false;
    }
}
