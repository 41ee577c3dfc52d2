// ---- file: Program.cs
using Scheduling.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.UseCustomCorsHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.Run();
// ---- file: CorsHeaderExtensions.cs
namespace Scheduling.Api.Extensions;

public static class CorsHeaderExtensions
{
    public static IApplicationBuilder UseCustomCorsHeaders(this IApplicationBuilder app)
    {
        return app.Use(async (context, next) =>
        {
            context.Response.Headers.Append("Access-Control-Allow-Origin", "https://calendar.contoso.com");
            context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
            context.Response.Headers.Append("Access-Control-Allow-Headers", "Authorization, Content-Type");
            await next();
        });
    }
}
