// ---- file: Program.cs
namespace Payroll.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Payroll.Api;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("*").AllowCredentials().AllowAnyHeader().AllowAnyMethod()));
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
