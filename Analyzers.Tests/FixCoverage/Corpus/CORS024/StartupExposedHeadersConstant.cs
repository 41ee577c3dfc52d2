using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

public static class PagingHeaders
{
    public const string All = "X-Total-Count,X-Page,X-Page-Size";
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins("https://reports.contoso.com");
            policy.WithExposedHeaders(new[] { "Content-Disposition", PagingHeaders.All });
        }));
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}
