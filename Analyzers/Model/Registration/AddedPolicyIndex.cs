using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Per options scope body, the first unconditional <c>AddPolicy</c>/<c>AddDefaultPolicy</c> for each (options, method, name);
/// built once per body, so each lookup is cheap. Thread-safe.
/// </summary>
internal sealed class AddedPolicyIndex
{
    private readonly CorsKnownTypes _types;
    private readonly ConcurrentDictionary<IOperation, Dictionary<string, IInvocationOperation>> _firstCalls = new();

    public AddedPolicyIndex(CorsKnownTypes types) => _types = types;

    /// <summary>The first call that adds the same policy on the same options as <paramref name="call"/>; null when it cannot be compared.</summary>
    public IInvocationOperation? FirstOf(IInvocationOperation call, string? name, CancellationToken cancellationToken)
    {
        if (CorsOptionsScope.Of(call, _types) is not { } scope || Key(scope, call, name) is not { } key)
        {
            return null;
        }

        var firstCalls = _firstCalls.GetOrAdd(scope.Body, b => Index(b, call.TargetMethod.ContainingType, cancellationToken));
        return firstCalls.TryGetValue(key, out var first) ? first : null;
    }

    private Dictionary<string, IInvocationOperation> Index(IOperation body, INamedTypeSymbol optionsType, CancellationToken cancellationToken)
    {
        var firstCalls = new Dictionary<string, IInvocationOperation>(StringComparer.Ordinal);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "AddPolicy" or "AddDefaultPolicy" } invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, optionsType)
                && CorsOptionsScope.Of(invocation, _types) is { } scope && ReferenceEquals(scope.Body, body)
                && Key(scope, invocation, invocation.TargetMethod.Name == "AddPolicy" ? CorsCalls.AddedPolicyName(invocation, cancellationToken) : null) is { } key
                && !firstCalls.ContainsKey(key))
            {
                firstCalls.Add(key, invocation);
            }
        }

        return firstCalls;
    }

    /// <summary>The options, the method and the policy name; null when the call cannot be compared.</summary>
    private static string? Key(CorsOptionsScope scope, IInvocationOperation call, string? name) =>
        call.TargetMethod.Name == "AddPolicy" && name is null ? null : scope.Key + "\0" + call.TargetMethod.Name + "\0" + name;
}
