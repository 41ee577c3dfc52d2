using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>
/// Serves an empty page on every host name mapped to it (the app's front end, the attacker's site, ...), over https, and the
/// SignalR client script for the pages that connect to a hub.
/// </summary>
internal sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private PageServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LoopbackCertificate.Value)));
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == SignalRClient.ScriptPath)
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                await context.Response.Body.WriteAsync(SignalRClient.Script);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<!doctype html><title>{WebUtility.HtmlEncode(context.Request.Host.Host)}</title><body></body>");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PageServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
