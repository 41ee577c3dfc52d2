// ---- file: Program.cs
namespace Timesheets.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Timesheets.Api;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy("Timesheets", builder => builder
            .WithOrigins("https://timesheets.fabrikam.com")
            .AllowAnyMethod()
            .AllowAnyHeader()));
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
        });
        app.UseCors("Timesheets");
    }
}
