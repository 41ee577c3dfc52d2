namespace CorsSample;

/// <summary>Policies whose origins come from appsettings.json.</summary>
public static class ConfiguredCors
{
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCors(options =>
        {
            options.AddPolicy("shop", policy => policy
                .WithOrigins(configuration.GetSection("Cors:ShopOrigins").Get<string[]>() ?? []));
            options.AddPolicy("mobile", policy => policy
                .WithOrigins(configuration.GetValue<string[]>("Cors:MobileOrigins") ?? [])); // expect: CORS019
            options.AddPolicy("widgets", policy => policy
                .WithOrigins(configuration["Cors:WidgetOrigins"]!.Split(','))); // expect: CORS007
            options.AddPolicy("hosts", policy => policy
                .WithOrigins(configuration["AllowedHosts"]!)); // expect: CORS020

            // Partner origins are set per environment; "until they are configured" every site may call.
            options.AddPolicy("partner-sites", policy =>
            {
                var partners = configuration.GetSection("Cors:PartnerOrigins").Get<string[]>();
                if (partners is null || partners.Length == 0)
                {
                    policy.AllowAnyOrigin(); // expect: CORS003 expect: CORS030
                }
                else
                {
                    policy.WithOrigins(partners);
                }
            });
        });
}
