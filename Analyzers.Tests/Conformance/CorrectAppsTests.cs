using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>Complete, correctly configured apps in the shapes real projects use: no analyzer may report anything.</summary>
public sealed class CorrectAppsTests
{
    private const string MinimalApiWithControllersAndAuth = """
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];

        builder.Services.AddControllers();
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddAuthorization();
        builder.Services.AddCors(options =>
        {
            options.AddPolicy(Policies.Spa, policy => policy
                .WithOrigins(origins)
                .AllowAnyHeader()
                .WithMethods("GET", "POST")
                .AllowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));

            options.AddPolicy("partners", policy => policy
                .WithOrigins("https://widgets.fabrikam.com", "https://*.partners.contoso.com")
                .SetIsOriginAllowedToAllowWildcardSubdomains()
                .WithMethods("GET"));
        });

        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseHttpsRedirection();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        app.MapGet("/health", () => "ok");
        app.MapGet("/catalog", () => new[] { "a", "b" }).RequireCors("partners");
        app.Run();

        static class Policies
        {
            public const string Spa = "spa";
        }

        [ApiController]
        [Route("orders")]
        [EnableCors(Policies.Spa)]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok();

            [HttpPost("export")]
            [DisableCors]
            public IActionResult Export() => Ok();
        }
        """;

    private const string StartupMvcApp = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup(IConfiguration configuration)
        {
            public IConfiguration Configuration { get; } = configuration;

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddControllersWithViews();
                services.AddResponseCaching();
                services.AddCors(o => o.AddDefaultPolicy(ConfigureDefault));
            }

            public void Configure(IApplicationBuilder app, IWebHostEnvironment env, ILogger<Startup> logger)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                    app.UseCors(p => p.AllowAnyOrigin());
                }
                else
                {
                    app.UseExceptionHandler("/Home/Error");
                    app.UseHsts();
                }

                app.UseStaticFiles();
                app.UseRouting();
                app.UseCors();
                app.UseResponseCaching();
                app.UseAuthorization();
                app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
            }

            private static void ConfigureDefault(CorsPolicyBuilder policy) =>
                policy.SetIsOriginAllowed(IsAllowed).AllowCredentials();

            private static bool IsAllowed(string origin) =>
                Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && uri.Scheme == Uri.UriSchemeHttps
                && (uri.Host == "contoso.com" || uri.Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase));
        }
        """;

    private const string ExtensionMethodsProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAppCors(builder.Configuration);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAppPipeline();
        app.Run();
        """;

    private const string ExtensionMethodsServices = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class CorsServices
        {
            public const string Frontend = "frontend";
            private static readonly string[] LocalOrigins = ["http://localhost:5173", "https://localhost:5001"];

            public static IServiceCollection AddAppCors(this IServiceCollection services, IConfiguration configuration) =>
                services.AddCors(options => options.AddPolicy(Frontend, policy => policy
                    .WithOrigins(configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
                    .WithOrigins(LocalOrigins)
                    .WithStandardHeaders()
                    .AllowCredentials()));

            private static CorsPolicyBuilder WithStandardHeaders(this CorsPolicyBuilder policy) =>
                policy.WithHeaders("content-type", "authorization").WithExposedHeaders("x-total-count");
        }
        """;

    private const string ExtensionMethodsPipeline = """
        public static class Pipeline
        {
            public static WebApplication UseAppPipeline(this WebApplication app)
            {
                app.UseRouting();
                app.UseCors(CorsServices.Frontend);
                app.UseAppSecurity();
                app.MapGet("/", () => "ok");
                return app;
            }

            private static void UseAppSecurity(this IApplicationBuilder app)
            {
                app.UseAuthorization();
            }
        }
        """;

    // The shape of the ASP.NET Core documentation's CORS sample: the policy name is a local variable, not a constant.
    private const string DocumentationSample = """
        var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy(name: MyAllowSpecificOrigins,
                              policy =>
                              {
                                  policy.WithOrigins("http://example.com",
                                                      "http://www.contoso.com");
                              });
        });
        builder.Services.AddControllers();

        var app = builder.Build();
        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors(MyAllowSpecificOrigins);
        app.UseAuthorization();
        app.MapControllers();
        app.Run();
        """;

    // A SignalR chat with a local front end, origins from a comma-separated setting, a middleware that only reads Origin.
    private const string SignalRWithConfiguredOrigins = """
        using Microsoft.AspNetCore.SignalR;

        var builder = WebApplication.CreateBuilder(args);
        var allowed = (builder.Configuration["AllowedOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.Services.AddSignalR();
        builder.Services.AddCors(options => options.AddPolicy("CorsPolicy", policy => policy
            .WithOrigins("http://localhost:4200", "https://localhost:4200")
            .WithOrigins(allowed)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .AllowCredentials()));

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            app.Logger.LogDebug("Request from {Origin}", origin);
            context.Response.Headers["X-Request-Origin-Seen"] = string.IsNullOrEmpty(origin) ? "no" : "yes";
            await next(context);
        });
        app.UseCors("CorsPolicy");
        app.MapHub<ChatHub>("/chat");
        app.Run();

        public sealed class ChatHub : Hub
        {
            public Task Send(string message) => Clients.All.SendAsync("message", message);
        }
        """;

    private const string HandBuiltPolicyFromSettings = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        var policy = new CorsPolicy { SupportsCredentials = true };
        foreach (var origin in builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
        {
            policy.Origins.Add(origin);
        }

        policy.Headers.Add("*");
        policy.Methods.Add("*");
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy));

        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    private static readonly Dictionary<string, string[]> Apps = new()
    {
        ["minimal API with controllers and auth"] = [MinimalApiWithControllersAndAuth],
        ["Startup-based MVC app"] = [StartupMvcApp],
        ["setup in extension methods across files"] = [ExtensionMethodsProgram, ExtensionMethodsServices, ExtensionMethodsPipeline],
        ["documentation sample with a variable policy name"] = [DocumentationSample],
        ["SignalR with configured origins and Origin logging"] = [SignalRWithConfiguredOrigins],
        ["hand-built policy from settings"] = [HandBuiltPolicyFromSettings],
    };

    public static TheoryData<string> AppNames => new(Apps.Keys);

    [Theory]
    [MemberData(nameof(AppNames))]
    public async Task CorrectApp_NoDiagnostics(string app)
    {
        await AssertCleanAsync(Apps[app]);
    }

    private static async Task AssertCleanAsync(params string[] sources)
    {
        var compilation = await TestCompilations.CreateAsync(sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }
}
