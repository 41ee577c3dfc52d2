using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CorsSample;

/// <summary>CORS policies for partner integrations, registered from Program.cs.</summary>
public static class PartnerCors
{
    // Partners embed a widget from their own sites; the list is maintained by the partner team.
    private static readonly string[] WidgetHosts =
    {
        "https://widgets.fabrikam.com",
        "https://shop.adventure-works.com/", // expect: CORS007
        "null", // expect: CORS005
    };

    public static IServiceCollection AddPartnerCors(this IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("widgets", policy => policy
                .WithOrigins(WidgetHosts)
                .WithMethods("GET")
                .SetPreflightMaxAge(TimeSpan.FromDays(7))); // expect: CORS009

            // Partner developers run the widget locally on whatever port their tooling picks.
            options.AddPolicy("widgets-dev", policy => policy
                .WithOrigins("https://widgets.fabrikam.com", "http://localhost:*") // expect: CORS007
                .WithMethods("GET"));

            // Every tenant gets its own subdomain.
            options.AddPolicy("tenants", policy => policy
                .WithOrigins("https://*.tenants.contoso.com") // expect: CORS008
                .AllowAnyHeader());

            // The back office runs on several contoso hosts and sends the session cookie.
            options.AddPolicy("backoffice", policy => policy
                .SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith("contoso.com")) // expect: CORS004 expect: CORS026
                .AllowCredentials()
                .WithLegacyPortal());

            // Status page: public data, readable by anyone.
            options.AddPolicy("status", policy => policy.AllowAnyOrigin().WithMethods("GET")); // expect: CORS003

            // Added later by another team, under a name that already exists.
            options.AddPolicy("status", policy => policy.WithOrigins("https://status.contoso.com")); // expect: CORS014

            // Partner sandbox "temporarily" accepts everything.
            options.AddPolicy("sandbox", policy => policy
                .SetIsOriginAllowed(_ => true) // expect: CORS002
                .AllowAnyHeader()
                .AllowCredentials());

            // The partner portal, plus the partner team's local development servers.
            options.AddPolicy("portal", policy => policy
                .WithOrigins("https://portal.fabrikam.com")
                .SetIsOriginAllowed(origin => new Uri(origin).Host == "localhost")); // expect: CORS021 expect: CORS026

            // Report downloads: the page reads the file name and paging headers of each response.
            options.AddPolicy("downloads", policy => policy
                .WithOrigins("https://reports.contoso.com")
                .WithExposedHeaders("*") // expect: CORS022
                .AllowCredentials());

            // The admin front end: methods and headers copied from the old reverse proxy's configuration.
            options.AddPolicy("admin-api", policy => policy
                .WithOrigins("https://admin.contoso.com")
                .WithMethods("GET,POST,PUT,DELETE") // expect: CORS024
                .WithHeaders("Content-Type, Authorization")); // expect: CORS024

            // Resellers: checked by the reseller registry; "any origin" was added while debugging a preflight.
            options.AddPolicy("resellers", policy => policy
                .SetIsOriginAllowed(origin => origin.StartsWith("https://", StringComparison.Ordinal) && origin.EndsWith(".resellers.contoso.com", StringComparison.Ordinal))
                .AllowAnyOrigin()); // expect: CORS003 expect: CORS027

            // Kiosk terminals: ported from an old app that built the policy object by hand.
            var kiosk = new CorsPolicy { SupportsCredentials = true };
            kiosk.Origins.Add("*"); // expect: CORS001
            options.AddPolicy("kiosk", kiosk);
        });

        return services;
    }

    private static CorsPolicyBuilder WithLegacyPortal(this CorsPolicyBuilder policy) =>
        policy.WithOrigins("http://portal.contoso.com"); // expect: CORS006
}
