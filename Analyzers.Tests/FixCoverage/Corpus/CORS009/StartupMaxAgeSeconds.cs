// ---- file: Program.cs
namespace Search.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Search.Api;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("search", policy =>
            {
                policy.WithOrigins("https://search.fabrikam.com");
                policy.WithMethods("GET", "POST");
                policy.SetPreflightMaxAge(TimeSpan.FromSeconds(86400));
            });
        });
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors("search");
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
