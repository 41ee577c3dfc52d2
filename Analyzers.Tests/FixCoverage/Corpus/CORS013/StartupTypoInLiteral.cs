// ---- file: Program.cs
namespace Recipes.Api;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
// ---- file: Startup.cs
namespace Recipes.Api;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("RecipesClient", builder => builder.WithOrigins("https://recipes.contoso.com").AllowAnyHeader());
        });
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors("RecipeClient");
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
