using Microsoft.AspNetCore.SignalR;

namespace CorsSample;

/// <summary>Price updates pushed to the partner widgets over SignalR.</summary>
public sealed class PriceHub : Hub
{
    public Task Watch(int productId) => Groups.AddToGroupAsync(Context.ConnectionId, $"product-{productId}");
}

public static class LiveUpdates
{
    public static void MapLiveUpdates(this IEndpointRouteBuilder endpoints)
    {
        // The widgets connect with @microsoft/signalr from the partners' sites.
        endpoints.MapHub<PriceHub>("/hubs/prices")
            .RequireCors(CorsPolicies.Partners); // expect: CORS029
    }
}
