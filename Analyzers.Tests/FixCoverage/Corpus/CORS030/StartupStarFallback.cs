using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

public class Startup
{
    private readonly IConfiguration _configuration;

    public Startup(IConfiguration configuration) => _configuration = configuration;

    public void ConfigureServices(IServiceCollection services)
    {
        var origins = (_configuration["AllowedCorsOrigins"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddCors(options => options.AddPolicy("Api", policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()));
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors("Api");
    }
}
