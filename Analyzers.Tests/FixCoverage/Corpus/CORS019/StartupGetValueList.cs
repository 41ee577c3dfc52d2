// ---- file: Program.cs
namespace Inventory.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Inventory.Api;

public class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        var allowed = Configuration.GetValue<List<string>>("AllowedOrigins");
        services.AddCors(options => options.AddDefaultPolicy(policy =>
            policy.WithOrigins(allowed.ToArray()).AllowAnyHeader().AllowAnyMethod()));
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
