using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Fills one compilation's <see cref="RegistrationModel"/> as the calls and attributes are analyzed: registrations, policies
/// added, policy references, and the code the model cannot see into.
/// </summary>
internal sealed class RegistrationCollector
{
    private readonly CorsKnownTypes _types;

    public RegistrationCollector(CorsKnownTypes types, CorsAppScope scope)
    {
        _types = types;
        Scope = scope;
    }

    public RegistrationModel Model { get; } = new();

    public CorsAppScope Scope { get; }

    /// <summary>Records the call; returns what it is, so that the rules on single calls can run.</summary>
    public CorsCallKind Add(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var kind = CorsCalls.Classify(invocation, _types);
        if (kind is not (CorsCallKind.None or CorsCallKind.HostBuild or CorsCallKind.WithMetadata or CorsCallKind.MapHub) && !Binds(invocation, cancellationToken))
        {
            Model.MarkCorsCallUnbound();
        }

        switch (kind)
        {
            case CorsCallKind.AddCors:
                Model.AddRegistration(invocation, isAddCors: true);
                FindDefaultPolicyName(invocation);
                break;
            case CorsCallKind.AddMvc:
                Model.AddRegistration(invocation, isAddCors: false);
                Model.MarkAuthorizationServices();
                Model.MarkAuthenticationServices();
                break;
            case CorsCallKind.AddPolicy:
                Model.AddPolicy(new AddedPolicy(invocation, CorsCalls.AddedPolicyName(invocation, cancellationToken), isDefault: false));
                break;
            case CorsCallKind.AddDefaultPolicy:
                Model.AddPolicy(new AddedPolicy(invocation, null, isDefault: true));
                break;
            case CorsCallKind.UseCors:
                AddReference(invocation, PolicyReferenceKind.UseCors, PolicyReferenceKind.UseCorsInline, cancellationToken);
                break;
            case CorsCallKind.RequireCors:
                AddReference(invocation, PolicyReferenceKind.RequireCors, PolicyReferenceKind.RequireCorsInline, cancellationToken);
                break;
            case CorsCallKind.HostBuild:
                Model.AddHostBuild(invocation);
                break;
            case CorsCallKind.WithMetadata:
                AddMetadataReferences(invocation, cancellationToken);
                break;
            case CorsCallKind.MapHub:
                Model.AddHub(HubEndpoint.From(invocation, _types, cancellationToken));
                break;
            default:
                if (!AddAuthorizationCall(invocation, cancellationToken))
                {
                    AddUnseen(invocation.TargetMethod);
                }

                break;
        }

        return kind;
    }

    /// <summary><c>options.FallbackPolicy = ...</c>: every endpoint without authorization metadata requires authorization.</summary>
    public void AddAssignment(ISimpleAssignmentOperation assignment)
    {
        if (AuthorizationCalls.SetsFallbackPolicy(assignment, _types))
        {
            Model.AddAuthorizationRequirement(new AuthorizationRequirement(assignment.Syntax.GetLocation(), isFallback: true));
        }
    }

    /// <summary>[Authorize] or an attribute derived from it, already bound.</summary>
    public void AddAuthorizeAttribute(AttributeSyntax syntax) =>
        Model.AddAuthorizationRequirement(new AuthorizationRequirement(syntax.GetLocation(), isFallback: false));

    private bool AddAuthorizationCall(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var kind = AuthorizationCalls.Classify(invocation.TargetMethod, _types);
        if (kind == AuthorizationCallKind.None)
        {
            return false;
        }

        if (!Binds(invocation, cancellationToken))
        {
            Model.MarkAuthorizationCallUnbound();
        }

        switch (kind)
        {
            case AuthorizationCallKind.Authorization:
                Model.MarkAuthorizationServices();
                break;
            case AuthorizationCallKind.Authentication:
                Model.MarkAuthenticationServices();
                break;
            case AuthorizationCallKind.AuthenticationAndAuthorization:
                Model.MarkAuthorizationServices();
                Model.MarkAuthenticationServices();
                break;
            default:
                Model.AddAuthorizationRequirement(new AuthorizationRequirement(invocation.GetCallLocation(), kind == AuthorizationCallKind.SetFallbackPolicy));
                break;
        }

        return true;
    }

    /// <summary>
    /// A call that does not bind (half-typed code, a package the compilation cannot resolve): a registering call that exists
    /// but binds with errors (a lambda that uses a type of a project that is not loaded) may register CORS; a CORS call by
    /// name (<c>context.Services.AddCors(...)</c> on an unresolved receiver) may be the very registration, middleware or policy
    /// the whole-app rules look for; a call that gets the services or the app (<c>services.AddGlobalSettingsBridge()</c>) is
    /// code the model cannot see.
    /// </summary>
    public void AddInvalid(IOperation invalid, CancellationToken cancellationToken)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax invocation)
        {
            return;
        }

        var name = RegistrationCalls.InvokedName(invocation);
        if (AuthorizationCalls.IsAuthorizationName(name))
        {
            Model.MarkAuthorizationCallUnbound();
        }

        if (CorsCalls.IsRegistrationPipelineOrMetadataName(name))
        {
            Model.MarkCorsCallUnbound();
            if (RegistrationCalls.MayRegister(invocation, invalid.SemanticModel, _types, cancellationToken))
            {
                Model.MarkServicesUnknown();
            }

            return;
        }

        // What the call gets: only a call that gets the services or the app can matter (no binding asked for any other).
        var servicesGiven = false;
        var appGiven = false;
        foreach (var child in invalid.ChildOperations)
        {
            var type = child.WalkDownConversion().Type;
            servicesGiven |= _types.GivesServices(type);
            appGiven |= _types.GivesApp(type);
        }

        if (!servicesGiven && !appGiven)
        {
            return;
        }

        // Overload resolution failed: the candidates say what the call is, as a bound call would.
        var candidates = invalid.SemanticModel?.GetSymbolInfo(invocation, cancellationToken).CandidateSymbols ?? ImmutableArray<ISymbol>.Empty;
        if (!candidates.IsEmpty)
        {
            foreach (var candidate in candidates)
            {
                if (candidate is IMethodSymbol method)
                {
                    AddUnseen(method.ReducedFrom ?? method);
                }
            }

            return;
        }

        // The method is not found, or its receiver does not bind: what it gets is all there is to go on.
        if (servicesGiven)
        {
            Model.MarkServicesUnknown();
        }

        if (appGiven)
        {
            Model.MarkPipelineUnknown();
            Model.MarkEndpointsUnknown();
        }
    }

    /// <summary>An attribute named like <c>[EnableCors]</c> that does not bind.</summary>
    public void AddUnboundAttribute() => Model.MarkCorsCallUnbound();

    /// <summary>[EnableCors]/[DisableCors], already bound to its attribute type.</summary>
    public void AddAttribute(AttributeSyntax syntax, bool isEnable, string? name) =>
        Model.AddReference(new PolicyReference(isEnable ? PolicyReferenceKind.EnableCors : PolicyReferenceKind.DisableCors, syntax.GetLocation(), name, nameIsConstant: true));

    /// <summary>
    /// Code of another project or package that gets the services or the app (as the extended receiver or as any argument)
    /// may register CORS or call UseCors where the model cannot see.
    /// </summary>
    private void AddUnseen(IMethodSymbol method)
    {
        if (method.Parameters.Length == 0 || !_types.IsElsewhere(method) || !Scope.MayUseCors(method.ContainingAssembly))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterType = parameter.Type;
            if (CorsKnownTypes.Implements(parameterType, _types.IServiceCollection) || Is(parameterType, _types.WebApplicationBuilder))
            {
                Model.MarkServicesUnknown();
            }
            else if (CorsKnownTypes.Implements(parameterType, _types.IApplicationBuilder))
            {
                Model.MarkPipelineUnknown();
            }
        }
    }

    /// <summary><c>endpoint.WithMetadata(new EnableCorsAttribute("x"))</c> attaches CORS metadata like the attribute does.</summary>
    private void AddMetadataReferences(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is not IObjectCreationOperation creation)
                {
                    continue;
                }

                if (_types.Authorization.IsAuthorizeAttribute(creation.Type))
                {
                    Model.AddAuthorizationRequirement(new AuthorizationRequirement(creation.Syntax.GetLocation(), isFallback: false));
                    continue;
                }

                var isEnable = Is(creation.Type, _types.EnableCorsAttribute);
                if (isEnable || Is(creation.Type, _types.DisableCorsAttribute))
                {
                    var name = isEnable && creation.Arguments.Length == 1 ? KnownValue.Of(creation.Arguments[0].Value, cancellationToken) : null;
                    var nameIsConstant = !isEnable || creation.Arguments.Length == 0 || name is not null;
                    Model.AddReference(new PolicyReference(isEnable ? PolicyReferenceKind.EnableCors : PolicyReferenceKind.DisableCors, creation.Syntax.GetLocation(), name, nameIsConstant));
                }
            }
        }
    }

    /// <summary>Looks inside the AddCors lambda for <c>options.DefaultPolicyName = ...</c>.</summary>
    private void FindDefaultPolicyName(IInvocationOperation addCors)
    {
        foreach (var argument in addCors.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultPolicyName" } property }
                    && Is(property.Property.ContainingType, _types.CorsOptions))
                {
                    Model.MarkDefaultPolicyNamed();
                    return;
                }
            }
        }
    }

    private void AddReference(IInvocationOperation invocation, PolicyReferenceKind namedKind, PolicyReferenceKind inlineKind, CancellationToken cancellationToken)
    {
        CorsCalls.ReferencedPolicy(invocation, cancellationToken, out var named, out var name, out var nameIsConstant);
        Model.AddReference(new PolicyReference(named ? namedKind : inlineKind, invocation.GetCallLocation(), name, nameIsConstant));
    }

    /// <summary>False for a call the compiler gave its best candidate after overload resolution failed.</summary>
    private static bool Binds(IInvocationOperation invocation, CancellationToken cancellationToken) =>
        invocation.SemanticModel is not { } model || model.GetSymbolInfo(invocation.Syntax, cancellationToken).Symbol is not null;

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
