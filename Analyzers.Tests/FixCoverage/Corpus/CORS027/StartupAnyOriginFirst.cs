using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options => options.AddDefaultPolicy(builder =>
        {
            builder.AllowAnyOrigin();
            builder.SetIsOriginAllowed(IsCompanySite);
            builder.AllowAnyHeader();
        }));
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseCors();
    }

    private static bool IsCompanySite(string origin) =>
        origin is "https://www.contoso.com" or "https://shop.contoso.com";
}
