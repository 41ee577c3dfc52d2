// ---- file: Program.cs
namespace Saas.Web;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Saas.Web;

public class Startup
{
    public const string AllowTenants = "_allowTenants";

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy(AllowTenants, builder =>
            {
                builder.WithOrigins("https://www.adatum.com", "https://*.apps.adatum.com")
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials();
            });
        });
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors(AllowTenants);
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
