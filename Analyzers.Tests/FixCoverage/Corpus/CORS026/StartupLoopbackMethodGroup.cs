using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options => options.AddDefaultPolicy(builder => builder
            .SetIsOriginAllowed(IsLocalDevServer)
            .AllowAnyMethod()
            .AllowAnyHeader()));
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseCors();
    }

    private static bool IsLocalDevServer(string origin) => new System.Uri(origin).IsLoopback;
}
