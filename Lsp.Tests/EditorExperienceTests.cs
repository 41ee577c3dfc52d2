using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CorsAnalyzers.TestSupport;
using Xunit.Abstractions;

namespace CorsAnalyzers.Lsp.Tests;

/// <summary>
/// What an editor shows while you type: the sample app opened in csharp-ls with analyzers on; squiggles at the marked
/// lines with help links, and squiggles that appear and disappear as the code changes. Light-bulb fixes are not shown
/// here: csharp-ls 0.28.0 builds its code fixers only from Roslyn's own Features assemblies and hands them compiler
/// diagnostics only, so no analyzer package's fix reaches it. The package's fixes are applied through the two
/// command-line clients that run them, dotnet format and Roslynator, in Package.Tests (CodeFixClientTests).
/// </summary>
public sealed partial class EditorExperienceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SampleApp_SquigglesHelpLinksAndTyping()
    {
        var repository = DotNetProcess.RepositoryRoot();
        Run(repository, "tool", "restore");
        Run(repository, "build", Path.Combine("samples", "CorsSample", "CorsSample.csproj"), "-nodeReuse:false");

        var project = Path.Combine(repository, "samples", "CorsSample");
        var path = Path.Combine(project, "PartnerCors.cs");
        var uri = new Uri(path).AbsoluteUri;
        var text = File.ReadAllText(path);
        var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

        await using var server = LanguageServer.Start(repository, project, settings);
        await server.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(project).AbsoluteUri,
            capabilities = new
            {
                workspace = new { configuration = true, workspaceEdit = new { documentChanges = true } },
                textDocument = new { diagnostic = new { }, codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "quickfix" } } }, resolveSupport = new { properties = new[] { "edit" } } } },
            },
            initializationOptions = settings,
        }, TimeSpan.FromSeconds(60));
        await server.NotifyAsync("initialized", new { });
        await server.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "csharp", version = 1, text } });

        // 1. Every finding the file marks appears at its line, with our message and a link to the rule's page.
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await PullUntilAsync(server, uri, d => d.Any(x => x.Code.StartsWith("CORS", StringComparison.Ordinal)), LoadTimeout);
        output.WriteLine($"first CORS diagnostics after {stopwatch.Elapsed.TotalSeconds:0.0} s (project load included)");
        foreach (var diagnostic in diagnostics.Where(d => d.Code.StartsWith("CORS", StringComparison.Ordinal)))
        {
            output.WriteLine($"  line {diagnostic.Line + 1}: {diagnostic.Code} {diagnostic.Message} <{diagnostic.Href}>");
        }

        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            foreach (Match marker in ExpectMarker().Matches(lines[line]))
            {
                var id = marker.Groups[1].Value;
                var found = diagnostics.FirstOrDefault(d => d.Code == id && d.Line == line);
                Assert.True(found is not null, $"{id} expected at line {line + 1}; the server reported:\n{Describe(diagnostics)}\nServer log:\n{server.LogTail}");
                Assert.EndsWith($"docs/rules/{id}.md", found!.Href);
                Assert.False(string.IsNullOrWhiteSpace(found.Message));
            }
        }

        // 2. The code actions the server offers at the squiggle are only logged: they come from Roslyn's own fixers, never
        //    from the package (see the class comment).
        var trailingSlash = diagnostics.First(d => d.Code == "CORS007");
        var actions = (await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = trailingSlash.Range,
            context = new { diagnostics = new[] { trailingSlash.Raw } },
        }, UpdateTimeout))?.AsArray() ?? new JsonArray();
        output.WriteLine("code actions at the CORS007 squiggle: " + string.Join("; ", actions.Select(a => a!["title"])));

        // The edit CORS007's fix makes, typed here by hand (the literal rewritten to the origin a browser sends), clears
        // the squiggle.
        // "Gone" is read from a report of the new text: every other finding of the file is still in it (the edits keep the
        // line numbers), so neither an empty report nor one computed before the change passes.
        var others = diagnostics.Where(d => d.Code.StartsWith("CORS", StringComparison.Ordinal) && !(d.Code == "CORS007" && d.Line == trailingSlash.Line)).ToList();
        Assert.NotEmpty(others);
        bool HasOthers(List<LspDiagnostic> report) => others.All(o => report.Any(x => x.Code == o.Code && x.Line == o.Line));
        text = text.Replace("\"https://shop.adventure-works.com/\"", "\"https://shop.adventure-works.com\"", StringComparison.Ordinal);
        var fixTime = await ChangeAndWaitAsync(server, uri, 2, text, d => HasOthers(d) && !d.Any(x => x.Code == "CORS007" && x.Line == trailingSlash.Line));
        output.WriteLine($"fixed literal: squiggle gone {fixTime.TotalMilliseconds:0} ms after the change");

        // 3. Typing: a trailing slash appears and disappears, and so does the squiggle.
        var widgetsLine = Array.FindIndex(text.Split('\n'), l => l.Contains("\"https://widgets.fabrikam.com\"", StringComparison.Ordinal));
        var typed = text.Replace("\"https://widgets.fabrikam.com\"", "\"https://widgets.fabrikam.com/\"", StringComparison.Ordinal);
        var appear = await ChangeAndWaitAsync(server, uri, 3, typed, d => d.Any(x => x.Code == "CORS007" && x.Line == widgetsLine));
        var disappear = await ChangeAndWaitAsync(server, uri, 4, text, d => HasOthers(d) && !d.Any(x => x.Code == "CORS007" && x.Line == widgetsLine));
        output.WriteLine($"typing: squiggle appeared {appear.TotalMilliseconds:0} ms and disappeared {disappear.TotalMilliseconds:0} ms after the change");
    }

    private async Task<TimeSpan> ChangeAndWaitAsync(LanguageServer server, string uri, int version, string text, Func<List<LspDiagnostic>, bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        await server.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });
        await PullUntilAsync(server, uri, condition, UpdateTimeout);
        return stopwatch.Elapsed;
    }

    private static async Task<List<LspDiagnostic>> PullUntilAsync(LanguageServer server, string uri, Func<List<LspDiagnostic>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = new List<LspDiagnostic>();
        while (DateTime.UtcNow < deadline)
        {
            var report = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } }, timeout);
            last = (report?["items"]?.AsArray() ?? new JsonArray()).Select(item => LspDiagnostic.From(item!.AsObject())).ToList();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"diagnostics did not reach the expected state in {timeout}; last report:\n{Describe(last)}\nServer log:\n{server.LogTail}");
    }

    private static string Describe(IEnumerable<LspDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  line {d.Line + 1}: {d.Code} {d.Message}"));

    private static void Run(string directory, params string[] arguments)
    {
        var (exitCode, log) = DotNetProcess.Run(directory, null, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{log}");
    }

    [GeneratedRegex(@"expect: (CORS\d{3})")]
    private static partial Regex ExpectMarker();

    private sealed record LspDiagnostic(string Code, int Line, string Message, string Href, JsonNode Range, JsonObject Raw)
    {
        public static LspDiagnostic From(JsonObject item) => new(
            item["code"]?.ToString() ?? string.Empty,
            item["range"]!["start"]!["line"]!.GetValue<int>(),
            item["message"]?.GetValue<string>() ?? string.Empty,
            item["codeDescription"]?["href"]?.GetValue<string>() ?? string.Empty,
            item["range"]!.DeepClone(),
            (JsonObject)item.DeepClone());
    }
}
