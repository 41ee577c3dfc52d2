using System;
using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS014: an <c>AddPolicy</c> with a name, or an <c>AddDefaultPolicy</c>, that an earlier call on the same options object
/// in the same body already made, both unconditionally: the later one silently replaces the first.
/// </summary>
internal static class PolicyAddedTwiceRule
{
    public static void Check(IInvocationOperation call, string? name, Action<Diagnostic> report)
    {
        if (!TryGetUnconditionalBody(call, out var body) || Receiver(call) is not { } receiver)
        {
            return;
        }

        foreach (var earlier in body.DescendantsAndSelf())
        {
            if (earlier.Syntax.SpanStart >= call.Syntax.SpanStart)
            {
                break;
            }

            if (earlier is IInvocationOperation other
                && other.TargetMethod.Name == call.TargetMethod.Name
                && SymbolEqualityComparer.Default.Equals(other.TargetMethod.ContainingType, call.TargetMethod.ContainingType)
                && SymbolEqualityComparer.Default.Equals(Receiver(other), receiver)
                && (name is null || (other.Arguments.Length > 0 && other.Arguments[0].Value.GetConstantString() == name))
                && TryGetUnconditionalBody(other, out var otherBody) && ReferenceEquals(otherBody, body))
            {
                var what = name is null ? "A default policy" : $"Policy '{name}'";
                report(Diagnostic.Create(DiagnosticDescriptors.PolicyAddedTwice, call.GetCallLocation(), new[] { other.GetCallLocation() }, what));
                return;
            }
        }
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

    private static ISymbol? Receiver(IInvocationOperation call) => call.Instance?.WalkDownConversion() switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };
}
