using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Lsp.Tests;

/// <summary>A minimal LSP client over stdio (Content-Length framing, JSON-RPC 2.0) for one language server process.</summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly JsonObject _settings;
    private readonly Task _reader;
    private int _nextId;

    private LanguageServer(Process process, JsonObject settings)
    {
        _process = process;
        _settings = settings;
        _reader = Task.Run(ReadLoopAsync);
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                Log("stderr: " + line);
            }
        });
    }

    public static LanguageServer Start(string repositoryRoot, string projectDirectory, JsonObject settings)
    {
        // The tool manifest is at the repository root; dotnet tool run finds it from the working directory upwards.
        _ = repositoryRoot;
        var start = DotNetProcess.StartInfo(projectDirectory, new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" }, redirectInput: true);
        var process = Process.Start(start) ?? throw new InvalidOperationException("csharp-ls did not start");
        return new LanguageServer(process, settings);
    }

    /// <summary>The last lines the server logged, for failure messages.</summary>
    public string LogTail => string.Join("\n", _log.TakeLast(40));

    public async Task<JsonNode?> RequestAsync(string method, object parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters) });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
        if (finished != completion.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no answer in {timeout}.\nServer log:\n{LogTail}");
        }

        return await completion.Task;
    }

    public Task NotifyAsync(string method, object parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters) });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await RequestAsync("shutdown", new { }, TimeSpan.FromSeconds(10));
                await NotifyAsync("exit", new { });
                await _process.WaitForExitAsync(shutdown.Token);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // Falls through to the kill below.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        var stream = _process.StandardInput.BaseStream;
        lock (_process)
        {
            stream.Write(header);
            stream.Write(body);
            stream.Flush();
        }

        await Task.CompletedTask;
    }

    private async Task ReadLoopAsync()
    {
        var stream = _process.StandardOutput.BaseStream;
        var header = new StringBuilder();
        while (true)
        {
            header.Clear();
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    return;
                }

                header.Append((char)b);
            }

            var length = int.Parse(header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var buffer = new byte[length];
            await stream.ReadExactlyAsync(buffer);
            var message = JsonNode.Parse(buffer)!.AsObject();
            await HandleAsync(message);
        }
    }

    private async Task HandleAsync(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        if (method is null && message["id"] is { } responseId && _pending.TryRemove(responseId.GetValue<int>(), out var completion))
        {
            completion.TrySetResult(message["result"]);
            return;
        }

        if (method == "window/logMessage")
        {
            Log(message["params"]?["message"]?.GetValue<string>() ?? string.Empty);
        }

        if (message["id"] is { } requestId && method is not null)
        {
            // Server-to-client requests: answer configuration with our settings, everything else with null.
            JsonNode? result = null;
            if (method == "workspace/configuration")
            {
                var items = message["params"]?["items"]?.AsArray().Count ?? 0;
                var array = new JsonArray();
                for (var i = 0; i < items; i++)
                {
                    array.Add(_settings["csharp"]!.DeepClone());
                }

                result = array;
            }

            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = result });
        }
    }

    private void Log(string line)
    {
        _log.Enqueue(line);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }
    }
}
