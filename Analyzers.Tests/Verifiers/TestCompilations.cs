using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests;

/// <summary>Compilations built by hand, for tests that drive the analyzers outside the verifier (robustness, telemetry).</summary>
public static class TestCompilations
{
    public static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    public static IReadOnlyList<CodeFixProvider> AllCodeFixProviders { get; } = typeof(CodeFixes.AnyOriginWithCredentialsCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    /// <summary>The root of the repository (where CorsAnalyzers.sln is), for tests that check docs and tracking files.</summary>
    public static string RepositoryRoot { get; } = CorsAnalyzers.TestSupport.DotNetProcess.RepositoryRoot();

    public static Task<ImmutableArray<MetadataReference>> GetReferencesAsync(ReferenceAssemblies referenceAssemblies) =>
        ReferenceSets.ResolveAsync(referenceAssemblies);

    public static async Task<CSharpCompilation> CreateAsync(IEnumerable<string> sources, ReferenceAssemblies? referenceAssemblies = null, bool implicitUsings = true)
    {
        var references = await GetReferencesAsync(referenceAssemblies ?? CorsTestSetup.AspNetCore);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CorsTestSetup.ParseOptions, path: $"/src/File{i}.cs")).ToList();
        if (implicitUsings && referenceAssemblies is null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(CorsTestSetup.WebSdkImplicitUsings, CorsTestSetup.ParseOptions, path: "/src/GlobalUsings.g.cs"));
        }

        var outputKind = sources.Any(CorsTestSetup.IsApp) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs <paramref name="analyzers"/> and returns their diagnostics plus every analyzer exception, as AD0001 would show it.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation,
        IReadOnlyList<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default)
    {
        var (diagnostics, exceptions, _) = await AnalyzeTimedAsync(compilation, analyzers, cancellationToken);
        return (diagnostics, exceptions);
    }

    /// <summary>Like <see cref="AnalyzeAsync(Compilation, IReadOnlyList{DiagnosticAnalyzer}, CancellationToken)"/>, with additional files (appsettings.json).</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation,
        IReadOnlyList<DiagnosticAnalyzer> analyzers,
        IEnumerable<AdditionalText> additionalFiles)
    {
        var (diagnostics, exceptions, _) = await AnalyzeTimedAsync(compilation, analyzers, new List<Exception>(), CancellationToken.None, additionalFiles.ToImmutableArray());
        return (diagnostics, exceptions);
    }

    public static AdditionalText AdditionalFile(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>
    /// Like <see cref="AnalyzeAsync"/>, plus the time spent inside the analyzers' own callbacks (the compiler's telemetry,
    /// as <c>-p:ReportAnalyzer=true</c> shows it), which excludes the binding the compiler does for every analyzer anyway.
    /// </summary>
    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, TimeSpan AnalyzerTime)> AnalyzeTimedAsync(
        Compilation compilation,
        IReadOnlyList<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default) =>
        AnalyzeTimedAsync(compilation, analyzers, new List<Exception>(), cancellationToken);

    /// <summary>
    /// Like <see cref="AnalyzeTimedAsync(Compilation, IReadOnlyList{DiagnosticAnalyzer}, CancellationToken)"/>, with the
    /// analyzer exceptions added to <paramref name="exceptions"/> as they happen: they are there also when the analysis is
    /// cancelled and never returns.
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, TimeSpan AnalyzerTime)> AnalyzeTimedAsync(
        Compilation compilation,
        IReadOnlyList<DiagnosticAnalyzer> analyzers,
        List<Exception> exceptions,
        CancellationToken cancellationToken,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        var analyzerTime = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            analyzerTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime;
        }

        // A family of the rules stands for its own diagnostics only.
        var families = analyzers.OfType<RuleFamilyAnalyzer>().ToList();
        if (families.Count > 0)
        {
            diagnostics = diagnostics.RemoveAll(d => families.All(f => f.OtherIds.Contains(d.Id)));
        }

        return (diagnostics, exceptions, analyzerTime);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
