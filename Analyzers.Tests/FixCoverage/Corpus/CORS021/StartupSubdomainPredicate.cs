// ---- file: Program.cs
namespace Tickets.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Tickets.Api;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("Portal", builder =>
            {
                builder.WithOrigins("https://portal.fabrikam.com", "https://support.fabrikam.com")
                    // tenant sites
                    .SetIsOriginAllowed(IsTenantSite)
                    .AllowAnyHeader()
                    .AllowAnyMethod();
            });
        });
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors("Portal");
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }

    private static bool IsTenantSite(string origin)
    {
        var host = new Uri(origin).Host;
        return host.EndsWith(".tenants.fabrikam.com", StringComparison.OrdinalIgnoreCase);
    }
}
