using CorsAnalyzers.Tests.Live;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>Apps for rules whose code fix is not part of this package yet: the mistake and its repair, both written by hand.</summary>
internal static class HandWrittenRepairs
{
    private const string EndpointWithRequestId = "app.MapGet(\"/r\", (HttpContext context) => { context.Response.Headers[\"X-Request-Id\"] = \"42\"; return \"ok\"; });";

    public static readonly string ExposeAllWithCredentials = LiveScenarios.App(
        "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").WithExposedHeaders(\"*\").AllowCredentials()));",
        "app.UseCors();\n" + EndpointWithRequestId);

    public static readonly string ExposeNamedHeader = LiveScenarios.App(
        "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.example\").WithExposedHeaders(\"X-Request-Id\").AllowCredentials()));",
        "app.UseCors();\n" + EndpointWithRequestId);

    public static readonly string TwoMiddlewares = LiveScenarios.App(
        """
        builder.Services.AddCors(o =>
                {
                    o.AddPolicy("app", p => p.WithOrigins("https://app.example").AllowAnyMethod().AllowAnyHeader());
                    o.AddPolicy("admin", p => p.WithOrigins("https://admin.example").AllowAnyMethod().AllowAnyHeader());
                });
        """,
        "app.UseCors(\"app\");\napp.UseCors(\"admin\");\n" + LiveScenarios.Endpoints);

    public static readonly string OneMiddleware = LiveScenarios.App(
        "builder.Services.AddCors(o => o.AddPolicy(\"frontends\", p => p.WithOrigins(\"https://app.example\", \"https://admin.example\").AllowAnyMethod().AllowAnyHeader()));",
        "app.UseCors(\"frontends\");\n" + LiveScenarios.Endpoints);
}
