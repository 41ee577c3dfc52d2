using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>A policy added with <c>AddPolicy(name, ...)</c> or <c>AddDefaultPolicy(...)</c>.</summary>
internal sealed class AddedPolicy
{
    public AddedPolicy(IInvocationOperation operation, string? name, bool isDefault)
    {
        Operation = operation;
        Name = name;
        IsDefault = isDefault;
    }

    public IInvocationOperation Operation { get; }

    /// <summary>The constant policy name; null for the default policy or a name only known at run time.</summary>
    public string? Name { get; }

    public bool IsDefault { get; }
}

/// <summary>Where the code names or attaches a policy: UseCors, RequireCors, [EnableCors], [DisableCors].</summary>
internal sealed class PolicyReference
{
    public PolicyReference(PolicyReferenceKind kind, Location location, string? name, bool nameIsConstant)
    {
        Kind = kind;
        Location = location;
        Name = name;
        NameIsConstant = nameIsConstant;
    }

    public PolicyReferenceKind Kind { get; }

    public Location Location { get; }

    /// <summary>The policy name given; null when none was given (<c>UseCors()</c>, <c>[EnableCors]</c>).</summary>
    public string? Name { get; }

    /// <summary>False when a name is passed but its value is only known at run time.</summary>
    public bool NameIsConstant { get; }
}

internal enum PolicyReferenceKind
{
    /// <summary><c>app.UseCors()</c> or <c>app.UseCors("name")</c>.</summary>
    UseCors,

    /// <summary><c>app.UseCors(p => ...)</c>: an inline policy.</summary>
    UseCorsInline,

    /// <summary><c>endpoint.RequireCors("name")</c>.</summary>
    RequireCors,

    /// <summary><c>endpoint.RequireCors(p => ...)</c>: endpoint metadata with its own policy.</summary>
    RequireCorsInline,

    EnableCors,
    DisableCors,
}

/// <summary>An endpoint that requires authorization (<c>RequireAuthorization()</c>, <c>[Authorize]</c>), or a fallback policy that makes every endpoint require it.</summary>
internal sealed class AuthorizationRequirement
{
    public AuthorizationRequirement(Location location, bool isFallback)
    {
        Location = location;
        IsFallback = isFallback;
    }

    public Location Location { get; }

    /// <summary>A fallback policy: it applies to requests without authorization metadata, preflights included.</summary>
    public bool IsFallback { get; }
}

/// <summary>Everything the registration rules need, collected over the whole compilation; thread-safe to add to.</summary>
internal sealed class RegistrationModel
{
    private readonly object _gate = new();
    private readonly List<AddedPolicy> _policies = new();
    private readonly List<PolicyReference> _references = new();
    private readonly List<IInvocationOperation> _addCorsCalls = new();
    private readonly List<IInvocationOperation> _hostBuilds = new();
    private readonly List<IMethodSymbol> _configureServices = new();
    private readonly List<CorsPipelineModel> _pipelines = new();
    private readonly List<HubEndpoint> _hubs = new();
    private readonly List<AuthorizationRequirement> _authorizationRequirements = new();

    /// <summary>Some call registers CORS services (AddCors, AddControllers, AddControllersWithViews, AddMvc).</summary>
    public bool ServicesRegistered { get; private set; }

    /// <summary>Services go into code the model cannot see that may register CORS or add policies.</summary>
    public bool ServicesUnknown { get; private set; }

    /// <summary>The app goes into code the model cannot see that may call UseCors.</summary>
    public bool PipelineUnknown { get; private set; }

    /// <summary>Some call registers the authorization services: WebApplication then adds the authorization middleware itself.</summary>
    public bool AuthorizationServicesRegistered { get; private set; }

    /// <summary>Some call registers the authentication services: an explicit UseAuthentication can run.</summary>
    public bool AuthenticationServicesRegistered { get; private set; }

    /// <summary>An authorization registration, requirement or UseAuthorization call by name did not bind.</summary>
    public bool AuthorizationCallUnbound { get; private set; }

    public void MarkAuthorizationServices() => AuthorizationServicesRegistered = true;

    public void MarkAuthenticationServices() => AuthenticationServicesRegistered = true;

    public void MarkAuthorizationCallUnbound() => AuthorizationCallUnbound = true;

    public void AddAuthorizationRequirement(AuthorizationRequirement requirement)
    {
        lock (_gate)
        {
            _authorizationRequirements.Add(requirement);
        }
    }

    public void AddPolicy(AddedPolicy policy)
    {
        lock (_gate)
        {
            _policies.Add(policy);
        }
    }

    public void AddReference(PolicyReference reference)
    {
        lock (_gate)
        {
            _references.Add(reference);
        }
    }

    public void AddRegistration(IInvocationOperation call, bool isAddCors)
    {
        lock (_gate)
        {
            ServicesRegistered = true;
            if (isAddCors)
            {
                _addCorsCalls.Add(call);
            }
        }
    }

    public void AddHostBuild(IInvocationOperation build)
    {
        lock (_gate)
        {
            _hostBuilds.Add(build);
        }
    }

    /// <summary>Records every Startup-style <c>ConfigureServices(IServiceCollection ...)</c> of the compilation, found by name.</summary>
    public void AddConfigureServicesMethods(Compilation compilation, CorsKnownTypes types, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var symbol in compilation.GetSymbolsWithName("ConfigureServices", SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IMethodSymbol { Parameters.Length: > 0 } method && CorsKnownTypes.Implements(method.Parameters[0].Type, types.IServiceCollection))
            {
                lock (_gate)
                {
                    _configureServices.Add(method);
                }
            }
        }
    }

    public void AddHub(HubEndpoint hub)
    {
        lock (_gate)
        {
            _hubs.Add(hub);
        }
    }

    public void AddPipeline(CorsPipelineModel pipeline)
    {
        lock (_gate)
        {
            _pipelines.Add(pipeline);
        }
    }

    public void MarkServicesUnknown() => ServicesUnknown = true;

    /// <summary><c>options.DefaultPolicyName = "..."</c> makes a named policy the default one.</summary>
    public bool DefaultPolicyNamed { get; private set; }

    public void MarkDefaultPolicyNamed() => DefaultPolicyNamed = true;

    public void MarkPipelineUnknown() => PipelineUnknown = true;

    /// <summary>
    /// A CORS registration, pipeline or metadata call (<c>AddCors</c>, <c>UseCors</c>, <c>RequireCors</c>, <c>AddPolicy</c>,
    /// <c>[EnableCors]</c>, ...) did not bind: half-typed code, or a receiver from a package the compilation cannot resolve.
    /// It may be the very registration, middleware or policy a whole-app rule would call missing.
    /// </summary>
    public bool CorsCallUnbound { get; private set; }

    public void MarkCorsCallUnbound() => CorsCallUnbound = true;

    /// <summary>
    /// A referenced assembly of the solution may hold endpoints that name a policy (controllers with <c>[EnableCors("x")]</c>
    /// are application parts of the app; a library may map endpoints with <c>RequireCors</c>).
    /// </summary>
    public bool EndpointsUnknown { get; private set; }

    public void MarkEndpointsUnknown() => EndpointsUnknown = true;

    public IReadOnlyList<AddedPolicy> Policies => _policies;

    public IReadOnlyList<PolicyReference> References => _references;

    public IReadOnlyList<IInvocationOperation> AddCorsCalls => _addCorsCalls;

    /// <summary><c>builder.Build()</c> calls on a WebApplicationBuilder: where minimal hosting stops adding services.</summary>
    public IReadOnlyList<IInvocationOperation> HostBuilds => _hostBuilds;

    public IReadOnlyList<IMethodSymbol> ConfigureServicesMethods => _configureServices;

    public IReadOnlyList<CorsPipelineModel> Pipelines => _pipelines;

    /// <summary>The SignalR hubs the app maps (<c>MapHub&lt;THub&gt;</c>).</summary>
    public IReadOnlyList<HubEndpoint> Hubs => _hubs;

    public IReadOnlyList<AuthorizationRequirement> AuthorizationRequirements => _authorizationRequirements;

    /// <summary>Results are read at compilation end, after every action ran; sort them so diagnostics come in a stable order.</summary>
    public void SortForReporting()
    {
        lock (_gate)
        {
            _policies.Sort(static (a, b) => CompareLocations(a.Operation.Syntax.GetLocation(), b.Operation.Syntax.GetLocation()));
            _references.Sort(static (a, b) => CompareLocations(a.Location, b.Location));
            _addCorsCalls.Sort(static (a, b) => CompareLocations(a.Syntax.GetLocation(), b.Syntax.GetLocation()));
            _hostBuilds.Sort(static (a, b) => CompareLocations(a.Syntax.GetLocation(), b.Syntax.GetLocation()));
            _pipelines.Sort(static (a, b) => CompareLocations(a.Root.Syntax.GetLocation(), b.Root.Syntax.GetLocation()));
            _hubs.Sort(static (a, b) => CompareLocations(a.MapHub.Syntax.GetLocation(), b.MapHub.Syntax.GetLocation()));
            _configureServices.Sort(static (a, b) => CompareLocations(a.Locations[0], b.Locations[0]));
            _authorizationRequirements.Sort(static (a, b) => CompareLocations(a.Location, b.Location));
        }
    }

    private static int CompareLocations(Location a, Location b)
    {
        var byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
        return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
    }
}
