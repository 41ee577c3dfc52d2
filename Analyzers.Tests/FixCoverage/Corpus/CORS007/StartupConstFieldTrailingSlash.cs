// ---- file: Program.cs
namespace Docs.Site;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Docs.Site;

public class Startup
{
    private const string EditorOrigin = "https://editor.litware.com/";
    private readonly string _corsPolicy = "DocsEditor";

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy(_corsPolicy, builder => builder.WithOrigins(EditorOrigin).AllowAnyHeader().AllowAnyMethod());
        });
        services.AddControllersWithViews();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors(_corsPolicy);
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
    }
}
