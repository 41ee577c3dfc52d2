using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddHubCors();

var app = builder.Build();
app.UseCors();
app.MapHub<OrdersHub>("/hubs/orders").RequireCors(HubCors.PolicyName);
app.MapHub<StockHub>("/hubs/stock").RequireCors(HubCors.PolicyName);
app.Run();

public sealed class OrdersHub : Hub
{
    public Task Subscribe(string orderId) => Groups.AddToGroupAsync(Context.ConnectionId, orderId);
}

public sealed class StockHub : Hub
{
}
// ---- file: HubCors.cs
public static class HubCors
{
    public const string PolicyName = "hubs";

    public static IServiceCollection AddHubCors(this IServiceCollection services) =>
        services.AddCors(options =>
        {
            options.AddPolicy(PolicyName, policy =>
            {
                policy.WithOrigins("https://dashboard.contoso.com", "https://ops.contoso.com");
                policy.AllowAnyHeader()
                      .AllowAnyMethod();
            });
        });
}
