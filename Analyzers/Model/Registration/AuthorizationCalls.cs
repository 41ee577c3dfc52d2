using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>What a call means for the authorization middleware WebApplication adds itself (CORS025).</summary>
internal enum AuthorizationCallKind
{
    None,

    /// <summary>Registers the authorization services (<c>AddAuthorization</c>, <c>AddAuthorizationBuilder</c>, <c>AddSignalR</c>).</summary>
    Authorization,

    /// <summary>Registers the authentication services only (<c>AddAuthentication</c>, <c>AddIdentity</c>, <c>AddDefaultIdentity</c>).</summary>
    Authentication,

    /// <summary>Registers both (<c>AddRazorPages</c>; <c>AddControllers</c> and the other MVC registrations are <see cref="CorsCallKind.AddMvc"/>).</summary>
    AuthenticationAndAuthorization,

    /// <summary><c>endpoint.RequireAuthorization(...)</c>.</summary>
    RequireAuthorization,

    /// <summary><c>authorizationBuilder.SetFallbackPolicy(...)</c>.</summary>
    SetFallbackPolicy,
}

/// <summary>The one classifier of the authentication and authorization calls CORS025 reads.</summary>
internal static class AuthorizationCalls
{
    public static AuthorizationCallKind Classify(IMethodSymbol method, CorsKnownTypes types)
    {
        var type = method.ContainingType;
        var auth = types.Authorization;
        return method.Name switch
        {
            "AddAuthorization" when Is(type, auth.PolicyServiceCollectionExtensions) || Is(type, auth.MvcCoreMvcCoreBuilderExtensions) => AuthorizationCallKind.Authorization,
            "AddAuthorizationBuilder" when Is(type, auth.PolicyServiceCollectionExtensions) => AuthorizationCallKind.Authorization,
            "AddSignalR" when Is(type, auth.SignalRDependencyInjectionExtensions) => AuthorizationCallKind.Authorization,
            "AddRazorPages" when Is(type, types.MvcServiceCollectionExtensions) => AuthorizationCallKind.AuthenticationAndAuthorization,
            "AddAuthentication" when Is(type, auth.AuthenticationServiceCollectionExtensions) => AuthorizationCallKind.Authentication,
            "AddIdentity" or "AddIdentityApiEndpoints" when Is(type, auth.IdentityServiceCollectionExtensions) => AuthorizationCallKind.Authentication,
            "AddDefaultIdentity" when Is(type, auth.IdentityServiceCollectionUIExtensions) => AuthorizationCallKind.Authentication,
            "RequireAuthorization" when Is(type, auth.AuthorizationEndpointConventionBuilderExtensions) => AuthorizationCallKind.RequireAuthorization,
            "SetFallbackPolicy" when Is(type, auth.AuthorizationBuilder) => AuthorizationCallKind.SetFallbackPolicy,
            _ => AuthorizationCallKind.None,
        };
    }

    /// <summary><c>options.FallbackPolicy = policy</c> on <c>AuthorizationOptions</c>, with a value that is not null.</summary>
    public static bool SetsFallbackPolicy(ISimpleAssignmentOperation assignment, CorsKnownTypes types) =>
        assignment.Target is IPropertyReferenceOperation { Property: { Name: "FallbackPolicy" } property }
        && Is(property.ContainingType, types.Authorization.AuthorizationOptions)
        && !IsNull(assignment.Value);

    /// <summary>The names of the calls that decide CORS025 when they do not bind: they may be the registration or middleware it looks for.</summary>
    public static bool IsAuthorizationName(string? name) => name is "UseAuthorization" or "AddAuthorization" or "AddAuthorizationBuilder"
        or "RequireAuthorization" or "SetFallbackPolicy";

    private static bool IsNull(IOperation value) =>
        value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
