// ---- file: Program.cs
namespace Kiosk.Backend;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Kiosk.Backend;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors();
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseRouting();
        app.UseCors(builder =>
        {
            builder.WithOrigins("null");
            builder.AllowAnyHeader();
            builder.AllowAnyMethod();
        });
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
