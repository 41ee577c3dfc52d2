// ---- file: Program.cs
using Microsoft.Extensions.Options;
using Telemetry.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<FrontendSettings>(builder.Configuration.GetSection("Frontend"));
var app = builder.Build();
app.UseMiddleware<FrontendCorsMiddleware>();
app.MapPost("/ingest", () => Results.Accepted());
app.Run();
// ---- file: FrontendCorsMiddleware.cs
using Microsoft.Extensions.Options;

namespace Telemetry.Ingest;

public sealed class FrontendSettings
{
    public string Origin { get; set; } = "";
}

public sealed class FrontendCorsMiddleware(RequestDelegate next, IOptions<FrontendSettings> settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.Append("Access-Control-Allow-Origin", settings.Value.Origin);
        context.Response.Headers.Append("Access-Control-Allow-Headers", "Content-Type");
        if (context.Request.Method == "OPTIONS")
        {
            context.Response.StatusCode = 200;
            return;
        }

        await next(context);
    }
}
