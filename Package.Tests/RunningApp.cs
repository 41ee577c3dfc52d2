using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// A built app started as a deployed one (<c>dotnet App.dll</c>, Production environment) on a port of 127.0.0.1 that the
/// OS picks, and requests to it with an <c>Origin</c> header. Disposing kills the process.
/// </summary>
internal sealed partial class RunningApp : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private RunningApp(Process process) => _process = process;

    public string Name { get; private init; } = string.Empty;

    public static async Task<RunningApp> StartAsync(string projectDirectory, string name)
    {
        var assembly = Path.Combine(projectDirectory, "bin", "Debug", "net10.0", name + ".dll");
        var start = DotNetProcess.StartInfo(projectDirectory, new[] { assembly, "--urls", "http://127.0.0.1:0" });
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var app = new RunningApp(Process.Start(start) ?? throw new InvalidOperationException(name + " did not start")) { Name = name };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object sender, DataReceivedEventArgs e)
        {
            lock (app._log)
            {
                app._log.AppendLine(e.Data);
            }

            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        app._process.OutputDataReceived += Read;
        app._process.ErrorDataReceived += Read;
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            var exited = app._process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
            Assert.True(first == listening.Task, $"{name} did not start listening:\n{app.Log}");
            app._client.BaseAddress = listening.Task.Result;
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path, string origin) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), origin);

    /// <summary>The request a browser sends before a cross-origin <paramref name="method"/> request.</summary>
    public Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Access-Control-Request-Method", method);
        return SendAsync(request, origin);
    }

    /// <summary>Asserts the status and the value of <c>Access-Control-Allow-Origin</c> (null: absent); returns the response headers.</summary>
    public async Task<HttpResponseHeaders> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode status, string? allowOrigin, string what)
    {
        using var response = await sending;
        var actual = Header(response.Headers, "Access-Control-Allow-Origin");
        Assert.True(
            response.StatusCode == status && actual == allowOrigin,
            $"{Name}: {what}: expected {(int)status} with Access-Control-Allow-Origin '{allowOrigin ?? "(none)"}', got {(int)response.StatusCode} with '{actual ?? "(none)"}'\n"
            + $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}\n{response.Headers}\nApp log:\n{Log}");
        return response.Headers;
    }

    public static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public void Dispose()
    {
        _client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // The process already ended.
        }

        _process.Dispose();
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return _client.SendAsync(request);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
