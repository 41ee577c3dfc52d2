// ---- file: Program.cs
using Shipping.Api.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShippingCors();
builder.Services.AddControllers();
var app = builder.Build();
app.UseCors(CorsSetup.PolicyName);
app.MapControllers();
app.Run();
// ---- file: CorsSetup.cs
namespace Shipping.Api.Setup;

public static class CorsSetup
{
    public const string PolicyName = "shipping-ui";

    public static IServiceCollection AddShippingCors(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .SetIsOriginAllowed(origin => origin.Contains("shipping.tailspin.com") || origin.Contains("127.0.0.1"))
            .AllowAnyHeader()
            .AllowAnyMethod()));
        return services;
    }
}
