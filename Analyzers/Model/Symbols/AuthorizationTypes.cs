using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>The authentication and authorization symbols CORS025 reads; each may be null.</summary>
internal sealed class AuthorizationTypes
{
    public AuthorizationTypes(Compilation compilation)
    {
#pragma warning disable RS0030 // Looked up once per compilation, from CorsKnownTypes.
        WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
        PolicyServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions");
        MvcCoreMvcCoreBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcCoreMvcCoreBuilderExtensions");
        SignalRDependencyInjectionExtensions = InAssembly(compilation, "Microsoft.Extensions.DependencyInjection.SignalRDependencyInjectionExtensions", "Microsoft.AspNetCore.SignalR");
        AuthenticationServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions");
        IdentityServiceCollectionExtensions = InAssembly(compilation, "Microsoft.Extensions.DependencyInjection.IdentityServiceCollectionExtensions", "Microsoft.AspNetCore.Identity");
        IdentityServiceCollectionUIExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IdentityServiceCollectionUIExtensions");
        AuthorizationEndpointConventionBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
        AuthorizeAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizeAttribute");
        AuthorizationOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
        AuthorizationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
#pragma warning restore RS0030
    }

    /// <summary>The minimal-hosting app: it adds authentication and authorization itself before the user's pipeline.</summary>
    public INamedTypeSymbol? WebApplication { get; }

    /// <summary>Declares <c>AddAuthorization</c> and <c>AddAuthorizationBuilder</c>.</summary>
    public INamedTypeSymbol? PolicyServiceCollectionExtensions { get; }

    /// <summary>Declares <c>IMvcCoreBuilder.AddAuthorization()</c>.</summary>
    public INamedTypeSymbol? MvcCoreMvcCoreBuilderExtensions { get; }

    /// <summary>Declares <c>AddSignalR</c>, which registers the authorization services.</summary>
    public INamedTypeSymbol? SignalRDependencyInjectionExtensions { get; }

    public INamedTypeSymbol? AuthenticationServiceCollectionExtensions { get; }

    /// <summary>Declares <c>AddIdentity</c> and <c>AddIdentityApiEndpoints</c>: authentication services only.</summary>
    public INamedTypeSymbol? IdentityServiceCollectionExtensions { get; }

    /// <summary>Declares <c>AddDefaultIdentity</c> (Identity UI package).</summary>
    public INamedTypeSymbol? IdentityServiceCollectionUIExtensions { get; }

    /// <summary>Declares <c>RequireAuthorization</c> on endpoints.</summary>
    public INamedTypeSymbol? AuthorizationEndpointConventionBuilderExtensions { get; }

    public INamedTypeSymbol? AuthorizeAttribute { get; }

    /// <summary>Declares <c>FallbackPolicy</c>.</summary>
    public INamedTypeSymbol? AuthorizationOptions { get; }

    /// <summary>Declares <c>SetFallbackPolicy</c>.</summary>
    public INamedTypeSymbol? AuthorizationBuilder { get; }

    /// <summary>A type whose full name several assemblies declare (SignalR.Core and Identity.Core declare AddSignalRCore and AddIdentityCore under the same names).</summary>
    private static INamedTypeSymbol? InAssembly(Compilation compilation, string metadataName, string assemblyName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (type.ContainingAssembly?.Name == assemblyName)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>True for <see cref="AuthorizeAttribute"/> and the attributes derived from it.</summary>
    public bool IsAuthorizeAttribute(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (AuthorizeAttribute is not null && SymbolEqualityComparer.Default.Equals(current, AuthorizeAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
