// ---- file: Program.cs
namespace Catalog.Service;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Catalog.Service;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddMvcCore();
        services.AddRouting();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseRouting();
        app.UseCors(builder => builder.WithOrigins("https://shop.northwind.com").AllowAnyHeader());
        app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "catalog"));
    }
}
