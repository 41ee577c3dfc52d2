using System;
using System.IO;
using System.Text.Json.Nodes;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// Four <c>dotnet new webapi</c> apps and the CORS mistakes written into the template's code, one per rule that has a
/// code fix. CORS010 and CORS011 need an app of their own (no CORS services / no UseCors), and so does CORS016 (its fix
/// adds a UseCors, which next to another one is CORS023). <c>dotnet format</c> fixes one rule per app and call, so it
/// needs as many calls as the app with the most rules has rules (see <see cref="CodeFixClientTests"/>).
/// </summary>
internal static class ClientAppMistakes
{
    public const string Storefront = "Storefront";
    public const string LegacyAdmin = "LegacyAdmin";
    public const string ReportsApi = "ReportsApi";
    public const string PartnerApi = "PartnerApi";

    /// <summary>What the configuration-based fixes read (<c>Cors:AllowedOrigins</c>), in the storefront's appsettings.json.</summary>
    public const string StorefrontOrigin = "https://app.contoso.com";

    public static readonly ClientApp[] All =
    [
        new(Storefront, Controllers: true, WriteStorefront),
        new(LegacyAdmin, Controllers: false, WriteLegacyAdmin),
        new(ReportsApi, Controllers: true, WriteReportsApi),
        new(PartnerApi, Controllers: true, WritePartnerApi),
    ];

    /// <summary>CORS001, CORS002, CORS004 (policies), CORS012, CORS013 (pipeline), CORS015 (attributes).</summary>
    private static void WriteStorefront(string directory)
    {
        var program = Path.Combine(directory, "Program.cs");
        Insert(program, null, "using Microsoft.AspNetCore.Authentication.Cookies;\n\n");
        Insert(program, "builder.Services.AddControllers();\n", """
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("spa", policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .AllowAnyHeader()
                    .AllowAnyMethod());
                options.AddPolicy("partners", policy => policy.AllowAnyOrigin().AllowCredentials());
                options.AddPolicy("dashboard", policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials());
                options.AddPolicy("tenants", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith("contoso.com")));
            });

            """);
        Replace(program, "app.UseAuthorization();\n", "app.UseAuthentication();\napp.UseAuthorization();\napp.UseCors();\n");
        Insert(program, "app.MapControllers();\n", """
            app.MapGet("/api/cart", () => "cart").RequireCors("Spa");
            app.MapGet("/api/account", () => "account").RequireCors("spa").RequireAuthorization();
            app.MapGet("/api/partners/catalog", () => "catalog").RequireCors("partners");
            app.MapGet("/api/dashboard/stats", () => "stats").RequireCors("dashboard");
            app.MapGet("/api/tenant/settings", () => "settings").RequireCors("tenants");

            """);
        File.WriteAllText(Path.Combine(directory, "Controllers", "ReportsController.cs"), """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            namespace Storefront.Controllers;

            [ApiController]
            [Route("[controller]")]
            public class ReportsController : ControllerBase
            {
                /// <summary>Internal report, never to be read by a browser on another origin.</summary>
                [HttpGet]
                [EnableCors("spa")]
                [DisableCors]
                public string Get() => "internal report";
            }
            """);

        var settings = Path.Combine(directory, "appsettings.json");
        var json = JsonNode.Parse(File.ReadAllText(settings))!.AsObject();
        json["Cors"] = new JsonObject { ["AllowedOrigins"] = new JsonArray(StorefrontOrigin) };
        File.WriteAllText(settings, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>CORS010 (no CORS services), CORS007 (trailing slash), CORS005 ("null").</summary>
    private static void WriteLegacyAdmin(string directory) =>
        Insert(Path.Combine(directory, "Program.cs"), "app.UseHttpsRedirection();\n", """
            app.UseCors(policy => policy.WithOrigins("https://admin.contoso.com/", "null"));

            """);

    /// <summary>CORS011 (policy never applied), CORS008 (wildcard subdomain), CORS009 (max age of a day).</summary>
    private static void WriteReportsApi(string directory) =>
        Insert(Path.Combine(directory, "Program.cs"), "builder.Services.AddControllers();\n", """
            builder.Services.AddCors(options => options.AddPolicy("reports", policy => policy
                .WithOrigins("https://*.contoso.com")
                .WithMethods("GET")
                .SetPreflightMaxAge(TimeSpan.FromDays(1))));

            """);

    /// <summary>CORS016: an extension method in its own file writes the CORS headers by hand.</summary>
    private static void WritePartnerApi(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "PartnerHeaders.cs"), """
            namespace PartnerApi;

            /// <summary>Lets the partner portal call this API from the browser.</summary>
            public static class PartnerHeaders
            {
                public static IApplicationBuilder UsePartnerHeaders(this IApplicationBuilder app) =>
                    app.Use(async (context, next) =>
                    {
                        context.Response.Headers["Access-Control-Allow-Origin"] = "https://partners.contoso.com";
                        context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST";
                        await next();
                    });
            }
            """);
        var program = Path.Combine(directory, "Program.cs");
        Insert(program, null, "using PartnerApi;\n\n");
        Insert(program, "app.UseHttpsRedirection();\n", "app.UsePartnerHeaders();\n");
    }

    /// <summary>Inserts <paramref name="text"/> after the template line <paramref name="after"/> (at the start when null).</summary>
    private static void Insert(string path, string? after, string text)
    {
        if (after is null)
        {
            File.WriteAllText(path, text + File.ReadAllText(path));
        }
        else
        {
            Replace(path, after, after + text);
        }
    }

    private static void Replace(string path, string line, string replacement)
    {
        var source = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(source.Contains(line, StringComparison.Ordinal), $"The template's {Path.GetFileName(path)} has no line '{line.Trim()}':\n{source}");
        File.WriteAllText(path, source.Replace(line, replacement, StringComparison.Ordinal));
    }
}

/// <summary>One app: its name, whether it comes from the controllers template, and what writes its mistakes.</summary>
internal sealed record ClientApp(string Name, bool Controllers, Action<string> Write);
