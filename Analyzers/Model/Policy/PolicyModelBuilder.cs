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
internal sealed class PolicyModelBuilder : ExecutionWalker<PolicyCall>
{
    private readonly HashSet<ISymbol> _aliases = new(SymbolEqualityComparer.Default);
    private readonly IOperation? _creation;
    private IOperation? _helperSite;

    private PolicyModelBuilder(CorsKnownTypes types, IOperation? creation, CancellationToken cancellationToken)
        : base(types, cancellationToken)
    {
        _creation = creation;
    }

    /// <summary>The policy configured by a lambda or method whose first parameter is the builder.</summary>
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

    /// <summary>
    /// The policy an <c>Action&lt;CorsPolicyBuilder&gt;</c> argument configures: a lambda, or a method of the project;
    /// null for anything else (a <c>CorsPolicy</c> object, a delegate from elsewhere).
    /// </summary>
    public static CorsPolicyModel? FromArgument(CorsKnownTypes types, IOperation value, CancellationToken cancellationToken) =>
        value.WalkDownConversion() switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => FromDelegate(types, lambda, lambda.Symbol, lambda.Body, cancellationToken),
            IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                when SourceOperations.GetBody(reference.Method, reference, cancellationToken) is { } body => FromDelegate(types, reference, reference.Method, body, cancellationToken),
            _ => null,
        };

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
        var paths = Walk(body, Start(DevelopmentOnly.Contains(root, Types)));
        if (TooComplex)
        {
            return new CorsPolicyModel(root, ImmutableArray<PolicyState>.Empty);
        }

        var states = ImmutableArray.CreateBuilder<PolicyState>(paths.Count);
        foreach (var path in paths)
        {
            states.Add(PolicyState.Evaluate(path.ToImmutableArray(), path.IsDevelopment));
        }

        return new CorsPolicyModel(root, states.MoveToImmutable());
    }

    protected override List<ExecutionPath<PolicyCall>> OnOperation(IOperation operation, List<ExecutionPath<PolicyCall>> paths)
    {
        switch (operation)
        {
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

            case IObjectCreationOperation creation when ReferenceEquals(creation, _creation):
                return Append(WalkChildren(operation, paths), CreationCall(creation));

            default:
                return WalkChildren(operation, paths);
        }
    }

    protected override List<ExecutionPath<PolicyCall>> OnInvocation(IInvocationOperation invocation, List<ExecutionPath<PolicyCall>> paths)
    {
        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, Types.CorsPolicyBuilder))
        {
            return invocation.Instance is { } instance && RefersToBuilder(instance)
                ? Append(paths, BuilderCall(invocation))
                : paths;
        }

        if (FindBuilderArgument(invocation) is not { } parameter)
        {
            return paths;
        }

        var outerSite = _helperSite;
        var followed = TryFollow(
            invocation,
            paths,
            enter: () =>
            {
                _helperSite ??= invocation;
                _aliases.Add(parameter.OriginalDefinition);
            },
            exit: () => _helperSite = outerSite);

        // The builder went into code the model cannot see: anything may have changed.
        return followed ?? Append(paths, new PolicyCall(PolicyCallKind.Opaque, invocation, SiteLocation(invocation), ImmutableArray<OriginValue>.Empty));
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
            case IInvocationOperation invocation when Types.IsCorsPolicyBuilder(invocation.Type):
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
                return FindConditionalAccessReceiver(operation) is { } receiver && RefersToBuilder(receiver);
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
            ? OriginArguments.ReadOrigins(invocation.Arguments, CancellationToken)
            : ImmutableArray<OriginValue>.Empty;
        return new PolicyCall(kind, invocation, SiteLocation(invocation), origins);
    }

    private PolicyCall CreationCall(IObjectCreationOperation creation)
    {
        var parameters = creation.Constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        if (parameters.Length == 1 && parameters[0].Type is IArrayTypeSymbol)
        {
            return new PolicyCall(PolicyCallKind.WithOrigins, creation, creation.Syntax.GetLocation(), OriginArguments.ReadOrigins(creation.Arguments, CancellationToken));
        }

        // new CorsPolicyBuilder(existingPolicy) starts from a policy the model does not know.
        var kind = parameters.Length == 0 ? PolicyCallKind.Other : PolicyCallKind.Opaque;
        return new PolicyCall(kind, creation, creation.Syntax.GetLocation(), ImmutableArray<OriginValue>.Empty);
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
}
