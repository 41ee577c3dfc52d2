using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// One policy with what its rules ask about it, each computed once however many paths and rules ask: the analysis of each
/// origin predicate, and the problem of each origin literal.
/// </summary>
internal sealed class PolicyAnalysis
{
    private readonly CorsKnownTypes _types;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<PolicyCall, PredicateAnalysis?> _predicates = new();
    private readonly Dictionary<string, (OriginProblem Problem, string? BrowserOrigin)> _problems = new(System.StringComparer.Ordinal);
    private Dictionary<PolicyCall, ImmutableArray<ConfigurationRead>>? _configurationReads;

    public PolicyAnalysis(CorsPolicyModel model, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        Model = model;
        _types = types;
        _cancellationToken = cancellationToken;
    }

    public CorsPolicyModel Model { get; }

    public ImmutableArray<PolicyState> Paths => Model.Paths;

    /// <summary>The analysis of the predicate a <c>SetIsOriginAllowed</c> call passes; null when it cannot be followed.</summary>
    public PredicateAnalysis? Predicate(PolicyCall setIsOriginAllowed)
    {
        if (!_predicates.TryGetValue(setIsOriginAllowed, out var analysis))
        {
            analysis = OriginPredicate.From(setIsOriginAllowed, _types, _cancellationToken) is { } predicate
                ? new PredicateAnalysis(predicate, _cancellationToken)
                : null;
            _predicates.Add(setIsOriginAllowed, analysis);
        }

        return analysis;
    }

    /// <summary>
    /// The configuration reads behind the values of a <c>WithOrigins</c>, <c>WithMethods</c>, <c>WithHeaders</c> or
    /// <c>WithExposedHeaders</c> call, once per call; empty for any other call and for literal arguments.
    /// </summary>
    public ImmutableArray<ConfigurationRead> ConfigurationReadsOf(PolicyCall call)
    {
        if (_types.Configuration.IConfiguration is null || !TakesValues(call.Kind))
        {
            return ImmutableArray<ConfigurationRead>.Empty;
        }

        _configurationReads ??= new Dictionary<PolicyCall, ImmutableArray<ConfigurationRead>>();
        if (!_configurationReads.TryGetValue(call, out var reads))
        {
            reads = HasComputedArgument(call.Operation)
                ? CorsAnalyzers.Model.ConfigurationReads.Of(call.Operation, _types, _cancellationToken)
                : ImmutableArray<ConfigurationRead>.Empty;
            _configurationReads.Add(call, reads);
        }

        return reads;
    }

    /// <summary>Every configuration read of every call on every path, with the call that uses the value.</summary>
    public IEnumerable<(PolicyCall Call, ConfigurationRead Read)> ConfigurationReads()
    {
        foreach (var path in Paths)
        {
            foreach (var call in path.Calls)
            {
                foreach (var read in ConfigurationReadsOf(call))
                {
                    yield return (call, read);
                }
            }
        }
    }

    /// <summary><see cref="OriginText.Analyze"/> of an origin literal, once per distinct value.</summary>
    public OriginProblem Problem(string origin, out string? browserOrigin)
    {
        if (!_problems.TryGetValue(origin, out var result))
        {
            result.Problem = OriginText.Analyze(origin, out result.BrowserOrigin);
            _problems.Add(origin, result);
        }

        browserOrigin = result.BrowserOrigin;
        return result.Problem;
    }

    /// <summary>Why an origin literal matches no request (<see cref="OriginText.NeverMatching"/>); <see cref="OriginProblem.None"/> when it can match.</summary>
    public OriginProblem NeverMatches(string origin, out string? browserOrigin) =>
        OriginText.NeverMatching(Problem(origin, out browserOrigin), origin);

    private static bool TakesValues(PolicyCallKind kind) =>
        kind is PolicyCallKind.WithOrigins or PolicyCallKind.WithMethods or PolicyCallKind.WithHeaders or PolicyCallKind.WithExposedHeaders;

    /// <summary>Cheap test before the walk: literals only (the common case) read no configuration.</summary>
    private static bool HasComputedArgument(IOperation call)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            if (argument.Value.WalkDownConversion() is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return true;
                    }
                }
            }
            else if (!argument.Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What an origin predicate accepts, each question answered once.</summary>
internal sealed class PredicateAnalysis
{
    private readonly OriginPredicate _predicate;
    private readonly CancellationToken _cancellationToken;
    private bool? _isAlwaysTrue;
    private (IOperation? Comparison, bool Known) _nullOrigin;
    private IReadOnlyList<OriginCheck>? _bypassable;

    public PredicateAnalysis(OriginPredicate predicate, CancellationToken cancellationToken)
    {
        _predicate = predicate;
        _cancellationToken = cancellationToken;
    }

    public bool IsAlwaysTrue => _isAlwaysTrue ??= _predicate.IsAlwaysTrue();

    /// <summary>The comparison that accepts the literal origin "null", if any.</summary>
    public IOperation? NullOriginAccepted
    {
        get
        {
            if (!_nullOrigin.Known)
            {
                _nullOrigin = (_predicate.FindNullOriginAccepted(), true);
            }

            return _nullOrigin.Comparison;
        }
    }

    public IReadOnlyList<OriginCheck> BypassableChecks => _bypassable ??= _predicate.FindBypassableChecks(_cancellationToken);
}
