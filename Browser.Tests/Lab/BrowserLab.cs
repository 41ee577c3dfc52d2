using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Tests.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>
/// One browser for a test class, the page server, and the loopback port the class's APIs take in turn. Each API start
/// gets a fresh host name (<c>https://N.api.app.example</c>, on the app's own site as a real API would be), so no
/// preflight cache, cookie or connection carries over.
/// </summary>
public sealed class BrowserLab : IAsyncLifetime
{
    public const string AccountPath = "/account";
    public const string AccountBody = "alice's account";
    private const string SessionCookie = "session";

    private static int apiCount;
    private readonly string sessionToken = Guid.NewGuid().ToString("N");
    private PageServer? pages;
    private Chromium? chromium;

    /// <summary>The port every API of this class listens on, one at a time, whether or not one is running now.</summary>
    internal int ApiPort { get; private set; }

    private Chromium Browser => chromium ?? throw new InvalidOperationException("the browser did not start");

    public async Task InitializeAsync()
    {
        pages = await PageServer.StartAsync();
        ApiPort = FreeLoopbackPort();
        chromium = Chromium.Start(new[]
        {
            $"MAP *.api.app.example:443 127.0.0.1:{ApiPort}",
            $"MAP *.example:443 127.0.0.1:{pages.Port}",
            // Every other name fails: the browser never leaves loopback.
            "MAP * ~NOTFOUND",
        });
    }

    public async Task DisposeAsync()
    {
        chromium?.Dispose();
        if (pages is not null)
        {
            await pages.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts <paramref name="source"/> as the API; with <paramref name="account"/>, it also serves a sign-in page (which
    /// also signs the user in to the app's own authentication, if it has one) and the signed-in user's account.
    /// </summary>
    internal async Task<Api> StartApiAsync(string source, bool account)
    {
        var origin = $"https://{Interlocked.Increment(ref apiCount)}.api.app.example";
        var running = await LiveApp.StartAsync(
            source,
            configureHost: builder =>
            {
                builder.WebHost.UseUrls($"https://127.0.0.1:{ApiPort}");
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = LoopbackCertificate.Value));
            },
            addEndpoints: account ? MapAccount : null);
        if (running.StartupException is IOException { InnerException: SocketException } taken)
        {
            throw new InvalidOperationException($"another process took the API port {ApiPort}", taken);
        }

        return new Api(origin, running);
    }

    /// <summary>Opens the API's sign-in page as a top-level page, as the user does: the API sets its session cookie.</summary>
    internal void SignIn(Api api)
    {
        Visit(api.Origin + "/sign-in");
        var text = Browser.Driver.FindElement(By.TagName("body")).Text;
        Assert.True(text == "signed in", $"sign-in at {api.Origin} showed \"{text}\"");
    }

    /// <summary>A top-level visit (no Origin header), as when the user opens the URL.</summary>
    internal void Visit(string url)
    {
        Browser.Driver.Navigate().GoToUrl(url);
        Browser.TakeConsole();
    }

    /// <summary>Loads <paramref name="page"/> and makes <paramref name="call"/> from it to the API; returns what the page got.</summary>
    internal Outcome Fetch(Page page, Api api, Call call)
    {
        Visit(page.Origin + "/");
        var arguments = JsonSerializer.Serialize(new object?[] { api.Origin + call.Path, call.Method, call.Credentials, call.ReadHeader, call.Json });
        var script = call.Hub
            ? $$"""
                const done = arguments[arguments.length - 1];
                {{HubProbeFunction}}
                hubProbe({{JsonSerializer.Serialize(api.Origin + call.Path)}}).then(result => done(Object.assign(result, { origin: self.origin })));
                """
            : page.Sandboxed
            ? $$"""
                const done = arguments[arguments.length - 1];
                const frame = document.createElement('iframe');
                frame.sandbox = 'allow-scripts';
                addEventListener('message', event => { if (event.source === frame.contentWindow) done(event.data); });
                frame.srcdoc = '<script>' + {{JsonSerializer.Serialize(ProbeFunction)}} + 'probe(...' + {{JsonSerializer.Serialize(arguments)}} + ').then(result => parent.postMessage(Object.assign(result, { origin: self.origin }), "*"));<\/script>';
                document.body.appendChild(frame);
                """
            : $$"""
                const done = arguments[arguments.length - 1];
                {{ProbeFunction}}
                probe(...{{arguments}}).then(result => done(Object.assign(result, { origin: self.origin })));
                """;
        object? raw;
        try
        {
            raw = ((IJavaScriptExecutor)Browser.Driver).ExecuteAsyncScript(script);
        }
        catch (WebDriverTimeoutException exception)
        {
            throw new TimeoutException($"the {page} did not finish its {call} to {api.Origin} within {Chromium.ScriptTimeout.TotalSeconds} s", exception);
        }

        var result = (IReadOnlyDictionary<string, object?>)raw!;
        var expectedOrigin = page.Sandboxed ? "null" : page.Origin;
        Assert.True(Equals(result["origin"], expectedOrigin), $"the {page} ran in origin {result["origin"]}");
        var console = ConsoleAfter(result);
        return new Outcome(
            Read: result["read"] is true,
            Status: result.TryGetValue("status", out var status) && status is long code ? (int)code : 0,
            Body: result.TryGetValue("body", out var body) ? body as string : null,
            Header: result.TryGetValue("header", out var header) ? header as string : null,
            Error: result.TryGetValue("error", out var error) ? error as string : null,
            Console: console);
    }

    /// <summary>The console lines of a call; a refused call's reason can reach the log just after the promise settles.</summary>
    private IReadOnlyList<string> ConsoleAfter(IReadOnlyDictionary<string, object?> result)
    {
        var lines = Browser.TakeConsole().ToList();
        for (var wait = 0; result["read"] is not true && wait < 10 && !lines.Any(IsFailureReason); wait++)
        {
            Thread.Sleep(100);
            lines.AddRange(Browser.TakeConsole());
        }

        return lines.Where(line => !line.Contains("favicon.ico", StringComparison.Ordinal)).ToList();
    }

    private static bool IsFailureReason(string line) =>
        line.Contains("CORS policy", StringComparison.Ordinal) || line.Contains("net::ERR_", StringComparison.Ordinal);

    private void MapAccount(WebApplication app)
    {
        app.MapGet("/sign-in", async (HttpContext context) =>
        {
            // SameSite=None: the API serves other sites' pages, so its cookie must go with their credentialed requests.
            context.Response.Cookies.Append(SessionCookie, sessionToken, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.None });
            if (context.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes && await schemes.GetDefaultSignInSchemeAsync() is { } scheme)
            {
                await context.SignInAsync(scheme.Name, new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "alice") }, scheme.Name)));
            }

            return "signed in";
        });
        app.MapGet(AccountPath, (HttpContext context) =>
            context.Request.Cookies[SessionCookie] == sessionToken ? Results.Text(AccountBody) : Results.Text("not signed in", statusCode: 401));
    }

    /// <summary>
    /// A free loopback port below the system's ephemeral range: the APIs release it between scenarios, and a port there is
    /// never handed to another socket that binds port 0 (as the live checks running at the same time do).
    /// </summary>
    private static int FreeLoopbackPort()
    {
        var ephemeralStart = 32768;
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start))
        {
            ephemeralStart = start;
        }

        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(10000, Math.Max(10001, ephemeralStart));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("no free loopback port below " + ephemeralStart);
    }

    /// <summary>
    /// The page-side hub connection: loads the SignalR client from the page's origin, starts a connection with the client's
    /// defaults and invokes the hub's Echo, with a time limit; reported as data whether it connects or not.
    /// </summary>
    private const string HubProbeFunction = """
        function hubProbe(url) {
          return new Promise(resolve => {
            const script = document.createElement('script');
            script.src = '/signalr.min.js';
            script.onerror = () => resolve({ read: false, error: 'the SignalR client did not load' });
            script.onload = async () => {
              const connection = new signalR.HubConnectionBuilder().withUrl(url).configureLogging(signalR.LogLevel.None).build();
              const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 10000));
              try {
                await Promise.race([connection.start(), timeout]);
                const body = await Promise.race([connection.invoke('Echo', 'ok'), timeout]);
                resolve({ read: true, status: 200, body, header: null });
              } catch (error) {
                resolve({ read: false, error: String(error) });
              } finally {
                connection.stop().catch(() => {});
              }
            };
            document.head.appendChild(script);
          });
        }
        """;

    /// <summary>The page-side request: a fetch with a time limit, reported as data whether it is read or refused.</summary>
    private const string ProbeFunction = """
        async function probe(url, method, credentials, header, json) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 10000);
          try {
            const init = { method, credentials: credentials ? 'include' : 'omit', cache: 'no-store', signal: controller.signal };
            if (method === 'PUT') { init.body = json ? '{"saved":true}' : 'saved'; }
            if (json) { init.headers = { 'Content-Type': 'application/json' }; }
            const response = await fetch(url, init);
            const body = await response.text();
            return { read: true, status: response.status, body, header: header ? response.headers.get(header) : null };
          } catch (error) {
            return { read: false, error: String(error) };
          } finally {
            clearTimeout(timer);
          }
        }
        """;
}

/// <summary>A running API and the origin the browser reaches it at.</summary>
internal sealed class Api(string origin, LiveApp.Running running) : IAsyncDisposable
{
    public string Origin { get; } = origin;

    public LiveApp.Running Running { get; } = running;

    public ValueTask DisposeAsync() => Running.DisposeAsync();
}
