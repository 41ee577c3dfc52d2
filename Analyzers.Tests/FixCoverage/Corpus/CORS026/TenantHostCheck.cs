var builder = WebApplication.CreateBuilder(args);
var tenantDomain = builder.Configuration["Tenancy:Domain"] ?? "contoso.com";

builder.Services.AddCors(options =>
{
    options.AddPolicy("Tenants", policy => policy
        .SetIsOriginAllowed(origin =>
        {
            var host = new Uri(origin).Host;
            return host == tenantDomain || host.EndsWith("." + tenantDomain, StringComparison.OrdinalIgnoreCase);
        })
        .AllowAnyHeader()
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("Tenants");
app.MapGet("/api/tenant", () => "ok");
app.Run();
