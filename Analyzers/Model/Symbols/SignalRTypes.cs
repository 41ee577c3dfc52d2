using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>The SignalR server symbols; null members when the compilation does not reference SignalR.</summary>
internal sealed class SignalRTypes
{
    public SignalRTypes(Compilation compilation)
    {
#pragma warning disable RS0030 // Looked up only through CorsKnownTypes.SignalR, the first time a MapHub call is seen.
        HubEndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.HubEndpointRouteBuilderExtensions");
        Hub = HubEndpointRouteBuilderExtensions is null ? null : compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
#pragma warning restore RS0030
    }

    /// <summary>Declares <c>MapHub&lt;THub&gt;</c> on the endpoint route builder.</summary>
    public INamedTypeSymbol? HubEndpointRouteBuilderExtensions { get; }

    /// <summary>The base class of every hub (<c>Hub&lt;T&gt;</c> derives from it too).</summary>
    public INamedTypeSymbol? Hub { get; }
}
