using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS014: an <c>AddPolicy</c> with a name, or an <c>AddDefaultPolicy</c>, that an earlier call on the same options object
/// in the same body already made, both unconditionally: the later one silently replaces the first.
/// </summary>
internal sealed class PolicyAddedTwiceRule
{
    /// <summary>Per body, the first unconditional call for each (options, method, name); built once, so each check is a lookup.</summary>
    private readonly ConcurrentDictionary<IOperation, Dictionary<string, IInvocationOperation>> _firstCalls = new();

    public void Check(IInvocationOperation call, string? name, Action<Diagnostic> report)
    {
        if (!TryGetUnconditionalBody(call, out var body) || Key(call, name) is not { } key)
        {
            return;
        }

        var firstCalls = _firstCalls.GetOrAdd(body, b => Index(b, call.TargetMethod.ContainingType));
        if (firstCalls.TryGetValue(key, out var first) && !ReferenceEquals(first, call))
        {
            var what = name is null ? "A default policy" : $"Policy '{name}'";
            report(Diagnostic.Create(DiagnosticDescriptors.PolicyAddedTwice, call.GetCallLocation(), new[] { first.GetCallLocation() }, what));
        }
    }

    private static Dictionary<string, IInvocationOperation> Index(IOperation body, INamedTypeSymbol optionsType)
    {
        var firstCalls = new Dictionary<string, IInvocationOperation>(StringComparer.Ordinal);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "AddPolicy" or "AddDefaultPolicy" } invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, optionsType)
                && TryGetUnconditionalBody(invocation, out var own) && ReferenceEquals(own, body)
                && Key(invocation, invocation.TargetMethod.Name == "AddPolicy" ? ConstantName(invocation) : null) is { } key
                && !firstCalls.ContainsKey(key))
            {
                firstCalls.Add(key, invocation);
            }
        }

        return firstCalls;
    }

    private static string? ConstantName(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 0 ? KnownValue.Of(invocation.Arguments[0].Value, CancellationToken.None) : null;

    /// <summary>The options object, the method and the policy name; null when the call cannot be compared.</summary>
    private static string? Key(IInvocationOperation call, string? name)
    {
        var receiver = call.Instance?.WalkDownConversion() switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };
        if (receiver is null || (call.TargetMethod.Name == "AddPolicy" && name is null))
        {
            return null;
        }

        return receiver + "\0" + call.TargetMethod.Name + "\0" + name;
    }

    /// <summary>The lambda or method body the call runs in, when no branch or loop stands between them.</summary>
    private static bool TryGetUnconditionalBody(IOperation call, out IOperation body)
    {
        body = call;
        for (var current = call.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation or ILoopOperation or ISwitchOperation or ISwitchExpressionOperation or ICoalesceOperation or IConditionalAccessOperation or ITryOperation:
                    return false;
                case IAnonymousFunctionOperation lambda:
                    body = lambda.Body;
                    return true;
                case ILocalFunctionOperation local when local.Body is not null:
                    body = local.Body;
                    return true;
                case IMethodBodyOperation method:
                    body = method;
                    return true;
            }

            body = current;
        }

        return true;
    }
}
