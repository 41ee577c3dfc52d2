using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS014: an <c>AddPolicy</c> with a name, or an <c>AddDefaultPolicy</c>, that an earlier call on the same options
/// (the same options object in one body, or another <c>AddCors</c> lambda on the same services) already made, both
/// unconditionally: the later one silently replaces the first.
/// </summary>
internal sealed class PolicyAddedTwiceRule
{
    private readonly CorsKnownTypes _types;

    /// <summary>Per scope body, the first unconditional call for each (options, method, name); built once, so each check is a lookup.</summary>
    private readonly ConcurrentDictionary<IOperation, Dictionary<string, IInvocationOperation>> _firstCalls = new();

    public PolicyAddedTwiceRule(CorsKnownTypes types) => _types = types;

    public void Check(IInvocationOperation call, string? name, Action<Diagnostic> report)
    {
        if (CorsOptionsScope.Of(call, _types) is not { } scope || Key(scope, call, name) is not { } key)
        {
            return;
        }

        var firstCalls = _firstCalls.GetOrAdd(scope.Body, b => Index(b, call.TargetMethod.ContainingType));
        if (firstCalls.TryGetValue(key, out var first) && !ReferenceEquals(first, call))
        {
            var what = name is null ? "A default policy" : $"Policy '{name}'";
            report(Diagnostic.Create(DiagnosticDescriptors.PolicyAddedTwice, call.GetCallLocation(), new[] { first.GetCallLocation() }, what));
        }
    }

    private Dictionary<string, IInvocationOperation> Index(IOperation body, INamedTypeSymbol optionsType)
    {
        var firstCalls = new Dictionary<string, IInvocationOperation>(StringComparer.Ordinal);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "AddPolicy" or "AddDefaultPolicy" } invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, optionsType)
                && CorsOptionsScope.Of(invocation, _types) is { } scope && ReferenceEquals(scope.Body, body)
                && Key(scope, invocation, invocation.TargetMethod.Name == "AddPolicy" ? ConstantName(invocation) : null) is { } key
                && !firstCalls.ContainsKey(key))
            {
                firstCalls.Add(key, invocation);
            }
        }

        return firstCalls;
    }

    private static string? ConstantName(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 0 ? KnownValue.Of(invocation.Arguments[0].Value, CancellationToken.None) : null;

    /// <summary>The options, the method and the policy name; null when the call cannot be compared.</summary>
    private static string? Key(CorsOptionsScope scope, IInvocationOperation call, string? name) =>
        call.TargetMethod.Name == "AddPolicy" && name is null ? null : scope.Key + "\0" + call.TargetMethod.Name + "\0" + name;
}
