using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>
/// The real SignalR JavaScript client (<c>@microsoft/signalr</c>), which the pages load from their own origin. The npm
/// registry serves it; it is installed once into the repository's <c>artifacts</c> folder (ignored by git), the first time a
/// page asks for it.
/// </summary>
internal static class SignalRClient
{
    public const string Version = "10.0.11";

    /// <summary>The path the page server serves the bundle at.</summary>
    public const string ScriptPath = "/signalr.min.js";

    private static readonly Lazy<byte[]> Bundle = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static byte[] Script => Bundle.Value;

    private static byte[] Install()
    {
        var prefix = Path.Combine(DotNetProcess.RepositoryRoot(), "artifacts", "signalr-client-" + Version);
        var bundle = Path.Combine(prefix, "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
        if (!File.Exists(bundle))
        {
            var npm = new ProcessStartInfo(Environment.GetEnvironmentVariable("NPM") ?? "npm")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "@microsoft/signalr@" + Version })
            {
                npm.ArgumentList.Add(argument);
            }

            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm install @microsoft/signalr@{Version} did not finish within 3 minutes");
            }

            if (process.ExitCode != 0 || !File.Exists(bundle))
            {
                throw new InvalidOperationException($"npm install @microsoft/signalr@{Version} failed ({process.ExitCode}); the SignalR proof needs npm and the npm registry:\n{output.Result}\n{error.Result}");
            }
        }

        return File.ReadAllBytes(bundle);
    }
}
