using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSignalR();
        services.AddCors(options => options.AddDefaultPolicy(builder => builder
            .SetIsOriginAllowed(origin => origin == "https://portal.fabrikam.com")
            .WithHeaders("x-requested-with", "x-signalr-user-agent")));
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseCors();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapHub<NotificationsHub>("/notifications");
        });
    }
}

public sealed class NotificationsHub : Hub
{
}
// ---- file: Program.cs
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

public static class Program
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
}
