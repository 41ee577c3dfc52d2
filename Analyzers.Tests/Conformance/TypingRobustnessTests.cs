using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// Code being typed, huge files, cancellation: the analyzers and code fixes never throw and never take unbounded time.
/// Every sample source is cut at many points and has random spans deleted (seeded), then analyzed and fixed.
/// </summary>
public sealed class TypingRobustnessTests(ITestOutputHelper output)
{
    private const int CutsPerFile = 24;
    private const int DeletionsPerFile = 12;

    // Far above the measured cost (see the test output) and far below what a quadratic walk over these inputs would take;
    // only the analyzers' own callbacks are timed, so compiler binding and a busy CI machine do not count against it.
    private static readonly TimeSpan AnalyzerTimeBound = TimeSpan.FromSeconds(10);

    public static IEnumerable<object[]> Corpus() =>
        Directory.GetFiles(Path.Combine(TestCompilations.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => new object[] { Path.GetRelativePath(TestCompilations.RepositoryRoot, f) });

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task TruncatedAndMangledSources_NoAnalyzerOrFixException(string file)
    {
        var source = File.ReadAllText(Path.Combine(TestCompilations.RepositoryRoot, file));
        var random = new Random(source.Length);
        var variants = new List<string>();
        for (var i = 1; i <= CutsPerFile; i++)
        {
            variants.Add(source[..(source.Length * i / (CutsPerFile + 1))]);
        }

        for (var i = 0; i < DeletionsPerFile; i++)
        {
            var start = random.Next(source.Length);
            var length = Math.Min(random.Next(1, 40), source.Length - start);
            variants.Add(source.Remove(start, length));
        }

        var failures = new List<string>();
        foreach (var variant in variants)
        {
            failures.AddRange(await AnalyzeAndFixAsync(variant));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task TwentyThousandLineStartup_FinishesInBoundedTime()
    {
        var source = new StringBuilder("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddCors(o =>\n{\n");
        for (var i = 0; i < 5_000; i++)
        {
            source.Append($"    o.AddPolicy(\"p{i}\", p => p\n        .WithOrigins(\"https://a{i}.contoso.com/\")\n        .AllowAnyHeader());\n");
        }

        source.Append("});\nvar app = builder.Build();\n");
        for (var i = 0; i < 5_000; i++)
        {
            source.Append($"app.MapGet(\"/r{i}\", () => \"ok\").RequireCors(\"p{i}\");\n");
        }

        source.Append("app.UseAuthorization();\napp.UseCors();\napp.Run();\n");
        var compilation = await TestCompilations.CreateAsync(new[] { source.ToString() });
        Assert.True(compilation.SyntaxTrees.First().GetText().Lines.Count >= 20_000);
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var (diagnostics, exceptions, analyzerTime) = await TestCompilations.AnalyzeTimedAsync(compilation, TestCompilations.AllAnalyzers);
        output.WriteLine($"analyzers' own time: {analyzerTime.TotalMilliseconds:0} ms");

        Assert.Empty(exceptions);
        Assert.Equal(5_000, diagnostics.Count(d => d.Id == DiagnosticIds.OriginNeverMatches));
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.MisplacedUseCors);
        Assert.True(analyzerTime < AnalyzerTimeBound, $"analyzers took {analyzerTime}");
    }

    [Fact]
    public async Task FiveHundredLinkBuilderChain_FinishesInBoundedTime()
    {
        var chain = string.Concat(Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? $"\n    .WithOrigins(\"https://a{i}.contoso.com\")" : "\n    .AllowAnyHeader()"));
        var source = $"var app = WebApplication.Create(args);\napp.UseCors(p => p{chain}\n    .AllowAnyOrigin()\n    .AllowCredentials());\n";
        var compilation = await TestCompilations.CreateAsync(new[] { source });

        var (diagnostics, exceptions, analyzerTime) = await TestCompilations.AnalyzeTimedAsync(compilation, TestCompilations.AllAnalyzers);
        output.WriteLine($"analyzers' own time: {analyzerTime.TotalMilliseconds:0} ms");

        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnyOriginWithCredentials);
        Assert.True(analyzerTime < AnalyzerTimeBound, $"analyzers took {analyzerTime}");
    }

    [Fact]
    public async Task Cancellation_StopsAnalysisWithoutAnalyzerException()
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\n");
        for (var i = 0; i < 3_000; i++)
        {
            source.Append($"app.UseCors(p => p.WithOrigins(\"https://a{i}.contoso.com/\").SetIsOriginAllowed(o => o.EndsWith(\"contoso.com\")));\n");
        }

        var compilation = await TestCompilations.CreateAsync(new[] { source.ToString() });

        // Cancelled from inside the analysis, while our analyzers are at work on the same compilation, not by a timer.
        using var cancellation = new CancellationTokenSource();
        var analyzers = TestCompilations.AllAnalyzers.Append(new CancelOnInvocationAnalyzer(cancellation, afterInvocations: 500)).ToArray();
        // The analyzer exceptions are collected as the driver reports them, during the analysis that the cancellation ends.
        var exceptions = new List<Exception>();
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestCompilations.AnalyzeTimedAsync(compilation, analyzers, exceptions, cancellation.Token));
        output.WriteLine($"cancelled analysis returned after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task CodeFixes_HonourCancellation()
    {
        var (document, diagnostics) = await CreateDocumentAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://a.contoso.com/").AllowAnyOrigin().AllowCredentials()));
            """);
        Assert.NotEmpty(diagnostics);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (_, _) => { }, cancellation.Token);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.RegisterCodeFixesAsync(context));
            }
        }
    }

    private static async Task<List<string>> AnalyzeAndFixAsync(string source)
    {
        var failures = new List<string>();
        Document document;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            (document, diagnostics) = await CreateDocumentAsync(source);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new List<string> { $"analysis of a {source.Length}-char variant threw {exception}" };
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("CORS", StringComparison.Ordinal) && d.Location.SourceTree == document.GetSyntaxTreeAsync().Result))
        {
            foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{provider.GetType().Name} on {diagnostic.Id} in a {source.Length}-char variant: {exception}");
                }
            }
        }

        return failures;
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> CreateDocumentAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var references = await TestCompilations.GetReferencesAsync(CorsTestSetup.AspNetCore);
        var projectId = ProjectId.CreateNewId();
        var outputKind = CorsTestSetup.IsApp(source) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Typing", "Typing", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: CorsTestSetup.ParseOptions,
                metadataReferences: references))
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", CorsTestSetup.WebSdkImplicitUsings);
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Program.cs", source);
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("analyzer exception", exceptions[0]);
        }

        return (document, diagnostics);
    }

    /// <summary>Reports nothing; cancels the analysis once it has seen <c>afterInvocations</c> invocations.</summary>
#pragma warning disable RS1001 // Instantiated by the test itself, never discovered from an assembly.
    private sealed class CancelOnInvocationAnalyzer(CancellationTokenSource cancellation, int afterInvocations) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private int seen;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.AnyOrigin);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref seen) == afterInvocations)
                    {
                        cancellation.Cancel();
                    }
                },
                OperationKind.Invocation);
        }
    }
}
