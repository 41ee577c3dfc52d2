using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Builds a <see cref="CorsPolicyModel"/> by walking the code that configures one builder in execution order,
/// forking at branches and following the project's own helper methods.
/// </summary>
internal sealed class PolicyModelBuilder
{
    /// <summary>Beyond this many paths a policy is too branchy to reason about, and rules stay silent.</summary>
    private const int MaxPaths = 32;

    /// <summary>How many levels of helper methods are followed.</summary>
    private const int MaxHelperDepth = 4;

    private readonly CorsKnownTypes _types;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _aliases = new(SymbolEqualityComparer.Default);
    private readonly Stack<IMethodSymbol> _helpers = new();
    private readonly IOperation? _creation;
    private IOperation? _helperSite;
    private bool _tooComplex;

    private PolicyModelBuilder(CorsKnownTypes types, IOperation? creation, CancellationToken cancellationToken)
    {
        _types = types;
        _creation = creation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The policy configured by a lambda or local function whose first parameter is the builder.</summary>
    public static CorsPolicyModel? FromDelegate(CorsKnownTypes types, IOperation root, IMethodSymbol signature, IOperation body, CancellationToken cancellationToken)
    {
        if (signature.Parameters.Length == 0 || !types.IsCorsPolicyBuilder(signature.Parameters[0].Type))
        {
            return null;
        }

        var walker = new PolicyModelBuilder(types, creation: null, cancellationToken);
        walker._aliases.Add(signature.Parameters[0]);
        return walker.Build(root, body);
    }

    /// <summary>The policy built on a <c>new CorsPolicyBuilder(...)</c>, following it through locals in the enclosing body.</summary>
    public static CorsPolicyModel? FromCreation(CorsKnownTypes types, IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        if (!types.IsCorsPolicyBuilder(creation.Type))
        {
            return null;
        }

        var body = (IOperation)creation;
        while (body.Parent is { } parent && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            body = parent;
        }

        var walker = new PolicyModelBuilder(types, creation, cancellationToken);
        return walker.Build(creation, body);
    }

    private CorsPolicyModel Build(IOperation root, IOperation body)
    {
        var start = DevelopmentOnly.Contains(root, _types) ? default(Path).InDevelopment() : default;
        var paths = Walk(body, new List<Path> { start });
        if (_tooComplex)
        {
            return new CorsPolicyModel(root, ImmutableArray<PolicyState>.Empty);
        }

        var states = ImmutableArray.CreateBuilder<PolicyState>(paths.Count);
        foreach (var path in paths)
        {
            states.Add(PolicyState.Evaluate(path.ToCalls(), path.IsDevelopment));
        }

        return new CorsPolicyModel(root, states.MoveToImmutable());
    }

    private List<Path> Walk(IOperation? operation, List<Path> paths)
    {
        if (operation is null || paths.Count == 0 || _tooComplex)
        {
            return paths;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                // Runs later, if at all; not part of this policy's configuration.
                return paths;

            case IConditionalOperation conditional:
                paths = Walk(conditional.Condition, paths);
                var whenTrue = paths;
                var whenFalse = paths;
                if (DevelopmentOnly.IsDevelopmentCheck(conditional.Condition, _types, out var developmentWhenTrue))
                {
                    // Calls in the development branch only happen in development.
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
                paths = WalkChildren(operation, paths);
                return Terminate(paths);

            case IVariableDeclaratorOperation declarator:
                paths = WalkChildren(operation, paths);
                if (declarator.Initializer is { } initializer && RefersToBuilder(initializer.Value))
                {
                    _aliases.Add(declarator.Symbol);
                }

                return paths;

            case ISimpleAssignmentOperation assignment:
                paths = WalkChildren(operation, paths);
                TrackAssignment(assignment);
                return paths;

            case IInvocationOperation invocation:
                paths = WalkChildren(operation, paths);
                return OnInvocation(invocation, paths);

            case IObjectCreationOperation creation when ReferenceEquals(creation, _creation):
                paths = WalkChildren(operation, paths);
                return Append(paths, CreationCall(creation));

            default:
                return WalkChildren(operation, paths);
        }
    }

    private List<Path> WalkChildren(IOperation operation, List<Path> paths)
    {
        foreach (var child in operation.ChildOperations)
        {
            paths = Walk(child, paths);
        }

        return paths;
    }

    private List<Path> WalkSwitch(ISwitchOperation switchOperation, List<Path> paths)
    {
        paths = Walk(switchOperation.Value, paths);
        var result = new List<Path>();
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

    private List<Path> OnInvocation(IInvocationOperation invocation, List<Path> paths)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.CorsPolicyBuilder))
        {
            return invocation.Instance is { } instance && RefersToBuilder(instance)
                ? Append(paths, BuilderCall(invocation))
                : paths;
        }

        var builderParameter = FindBuilderArgument(invocation);
        if (builderParameter is null)
        {
            return paths;
        }

        return FollowHelper(invocation, builderParameter, paths);
    }

    private List<Path> FollowHelper(IInvocationOperation invocation, IParameterSymbol parameter, List<Path> paths)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        var body = _helpers.Count < MaxHelperDepth && !IsFollowing(method)
            ? SourceOperations.GetBody(method, invocation, _cancellationToken)
            : null;
        if (body is null)
        {
            return Append(paths, new PolicyCall(PolicyCallKind.Opaque, invocation, SiteLocation(invocation), _helpers.Count > 0, ImmutableArray<OriginValue>.Empty));
        }

        // Paths that already returned do not run the helper; a return inside the helper ends the helper, not the policy.
        var finished = new List<Path>();
        var running = new List<Path>();
        foreach (var path in paths)
        {
            (path.Returned ? finished : running).Add(path);
        }

        var outerSite = _helperSite;
        _helperSite ??= invocation;
        _helpers.Push(method);
        _aliases.Add(parameter.OriginalDefinition);
        var afterHelper = Walk(body, running);
        _helpers.Pop();
        _helperSite = outerSite;

        finished.AddRange(Map(afterHelper, static path => path.Resume()));
        return finished;
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

    /// <summary>The parameter that receives the builder when it is passed to a method, or null when it is not passed.</summary>
    private IParameterSymbol? FindBuilderArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && RefersToBuilder(argument.Value))
            {
                return parameter;
            }
        }

        return null;
    }

    private void TrackAssignment(ISimpleAssignmentOperation assignment)
    {
        var target = assignment.Target switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (target is null)
        {
            return;
        }

        if (RefersToBuilder(assignment.Value))
        {
            _aliases.Add(target);
        }
        else
        {
            _aliases.Remove(target);
        }
    }

    private bool RefersToBuilder(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return _aliases.Contains(parameter.Parameter.OriginalDefinition) || _aliases.Contains(parameter.Parameter);
            case ILocalReferenceOperation local:
                return _aliases.Contains(local.Local);
            case IObjectCreationOperation creation:
                return ReferenceEquals(creation, _creation);
            case IInvocationOperation invocation when _types.IsCorsPolicyBuilder(invocation.Type):
                // Builder methods and the project's fluent helpers return the builder they were given.
                if (invocation.Instance is { } instance)
                {
                    return RefersToBuilder(instance);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (RefersToBuilder(argument.Value))
                    {
                        return true;
                    }
                }

                return false;
            case IConditionalAccessInstanceOperation:
                return operation.Parent is null ? false : FindConditionalAccessReceiver(operation) is { } receiver && RefersToBuilder(receiver);
            default:
                return false;
        }
    }

    private static IOperation? FindConditionalAccessReceiver(IOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private PolicyCall BuilderCall(IInvocationOperation invocation)
    {
        var kind = Classify(invocation.TargetMethod.Name);
        var origins = kind == PolicyCallKind.WithOrigins
            ? OriginArguments.Read(invocation.Arguments, _cancellationToken)
            : ImmutableArray<OriginValue>.Empty;
        return new PolicyCall(kind, invocation, SiteLocation(invocation), _helperSite is not null, origins);
    }

    private PolicyCall CreationCall(IObjectCreationOperation creation)
    {
        var parameters = creation.Constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        if (parameters.Length == 1 && parameters[0].Type is IArrayTypeSymbol)
        {
            return new PolicyCall(PolicyCallKind.WithOrigins, creation, creation.Syntax.GetLocation(), false, OriginArguments.Read(creation.Arguments, _cancellationToken));
        }

        // new CorsPolicyBuilder(existingPolicy) starts from a policy the model does not know.
        var kind = parameters.Length == 0 ? PolicyCallKind.Other : PolicyCallKind.Opaque;
        return new PolicyCall(kind, creation, creation.Syntax.GetLocation(), false, ImmutableArray<OriginValue>.Empty);
    }

    private Location SiteLocation(IOperation call) => (_helperSite ?? call).GetCallLocation();

    private static PolicyCallKind Classify(string name) => name switch
    {
        "AllowAnyOrigin" => PolicyCallKind.AllowAnyOrigin,
        "WithOrigins" => PolicyCallKind.WithOrigins,
        "SetIsOriginAllowed" => PolicyCallKind.SetIsOriginAllowed,
        "SetIsOriginAllowedToAllowWildcardSubdomains" => PolicyCallKind.SetIsOriginAllowedToAllowWildcardSubdomains,
        "AllowCredentials" => PolicyCallKind.AllowCredentials,
        "DisallowCredentials" => PolicyCallKind.DisallowCredentials,
        "SetPreflightMaxAge" => PolicyCallKind.SetPreflightMaxAge,
        "AllowAnyMethod" => PolicyCallKind.AllowAnyMethod,
        "WithMethods" => PolicyCallKind.WithMethods,
        "AllowAnyHeader" => PolicyCallKind.AllowAnyHeader,
        "WithHeaders" => PolicyCallKind.WithHeaders,
        "WithExposedHeaders" => PolicyCallKind.WithExposedHeaders,
        _ => PolicyCallKind.Other,
    };

    // Path lists are never changed in place: branches share their incoming list.
    private static List<Path> Append(List<Path> paths, PolicyCall call) =>
        Map(paths, path => path.Returned ? path : path.Add(call));

    private static List<Path> Terminate(List<Path> paths) => Map(paths, static path => path.Return());

    private static List<Path> Map(List<Path> paths, System.Func<Path, Path> map)
    {
        var result = new List<Path>(paths.Count);
        foreach (var path in paths)
        {
            result.Add(map(path));
        }

        return result;
    }

    private List<Path> Merge(List<Path> first, List<Path> second)
    {
        var result = new List<Path>(first.Count + second.Count);
        AddDistinct(result, first);
        AddDistinct(result, second);
        if (result.Count > MaxPaths)
        {
            _tooComplex = true;
        }

        return result;
    }

    private static void AddDistinct(List<Path> result, List<Path> paths)
    {
        foreach (var path in paths)
        {
            if (!result.Contains(path))
            {
                result.Add(path);
            }
        }
    }

    /// <summary>An immutable list of calls (newest first) that forks for free, plus whether the path has returned.</summary>
    private readonly struct Path : System.IEquatable<Path>
    {
        private readonly Node? _last;

        private Path(Node? last, bool returned, bool isDevelopment)
        {
            _last = last;
            Returned = returned;
            IsDevelopment = isDevelopment;
        }

        public bool Returned { get; }

        /// <summary>The path went through the development branch of an environment check.</summary>
        public bool IsDevelopment { get; }

        public Path Add(PolicyCall call) => new(new Node(call, _last), Returned, IsDevelopment);

        public Path Return() => new(_last, returned: true, IsDevelopment);

        public Path Resume() => new(_last, returned: false, IsDevelopment);

        public Path InDevelopment() => new(_last, Returned, isDevelopment: true);

        public ImmutableArray<PolicyCall> ToCalls()
        {
            var count = 0;
            for (var node = _last; node is not null; node = node.Previous)
            {
                count++;
            }

            var calls = new PolicyCall[count];
            for (var node = _last; node is not null; node = node.Previous)
            {
                calls[--count] = node.Call;
            }

            return ImmutableArray.Create(calls);
        }

        public bool Equals(Path other) => ReferenceEquals(_last, other._last) && Returned == other.Returned && IsDevelopment == other.IsDevelopment;

        public override bool Equals(object? obj) => obj is Path other && Equals(other);

        public override int GetHashCode() => (_last?.GetHashCode() ?? 0) ^ (Returned ? 1 : 0) ^ (IsDevelopment ? 2 : 0);
    }

    private sealed class Node
    {
        public Node(PolicyCall call, Node? previous)
        {
            Call = call;
            Previous = previous;
        }

        public PolicyCall Call { get; }

        public Node? Previous { get; }
    }
}
