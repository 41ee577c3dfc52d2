using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using CorsAnalyzers.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Measures, on the same compilation and in one process: warm compile time, CorsAnalyzers' execution time and
// SonarAnalyzer's S5122 (its CORS rule) execution time; then how ours grows with the code base.
var options = BenchmarkOptions.Parse(args);
var references = ReferenceSet.Load();
var ours = typeof(CorsAnalyzers.DiagnosticIds).Assembly.GetTypes()
    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var sonar = SonarS5122.Load();

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; iterations: {options.Iterations} (+1 warm-up)");
Console.WriteLine($"Analyzers: CorsAnalyzers ({ours.Length} analyzers); SonarAnalyzer.CSharp 9.32 ({sonar.Length} analyzer(s) with S5122)");
Console.WriteLine();

var main = Measure(options.Files, withCors: true, includeSonar: true, includeCompile: true);
var noCors = Measure(options.Files, withCors: false, includeSonar: false, includeCompile: false);
Console.WriteLine();
Console.WriteLine($"| {options.Files} files | median | min | max |");
Console.WriteLine("|---|---|---|---|");
Row("compile (emit, warm)", main.Compile);
Row("CorsAnalyzers", main.Ours);
Row("SonarAnalyzer S5122", main.Sonar);
Row("CorsAnalyzers, no-CORS variant", noCors.Ours);
Console.WriteLine();
Console.WriteLine($"CorsAnalyzers / compile time: {Percent(Median(main.Ours) / Median(main.Compile))} (target <= 0.5 %)");
Console.WriteLine($"CorsAnalyzers / S5122:        {Median(main.Ours) / Median(main.Sonar):0.000} (target <= 0.2)");
Console.WriteLine($"No-CORS variant:              {Median(noCors.Ours):0.000} ms (target: about 0; nothing is registered)");
Console.WriteLine($"Diagnostics: ours {main.OurDiagnostics}, S5122 {main.SonarDiagnostics}");

if (options.Scaling)
{
    Console.WriteLine();
    Console.WriteLine("| files | CorsAnalyzers median (ms) | per 1,000 files (ms) |");
    Console.WriteLine("|---|---|---|");
    foreach (var size in new[] { 500, 2000, 8000 })
    {
        var run = Measure(size, withCors: true, includeSonar: false, includeCompile: false);
        Console.WriteLine($"| {size} | {Median(run.Ours):0.00} | {Median(run.Ours) / size * 1000:0.00} |");
    }
}

return;

Result Measure(int files, bool withCors, bool includeSonar, bool includeCompile)
{
    var trees = SolutionGenerator.Generate(files, withCors)
        .Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.CSharp12), s.Path))
        .ToList();
    var result = new Result();
    for (var iteration = 0; iteration <= options.Iterations; iteration++)
    {
        var compileTime = !includeCompile ? 0 : Time(() =>
        {
            using var stream = new MemoryStream();
            var emitted = NewCompilation(trees, withCors).Emit(stream);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }
        });
        var (ourTime, ourCount) = AnalyzerTime(NewCompilation(trees, withCors), ours);
        var (sonarTime, sonarCount) = includeSonar ? AnalyzerTime(NewCompilation(trees, withCors, enableOnly: "S5122"), sonar) : (0, 0);
        if (iteration == 0)
        {
            continue;
        }

        result.Compile.Add(compileTime);
        result.Ours.Add(ourTime);
        result.Sonar.Add(sonarTime);
        result.OurDiagnostics = ourCount;
        result.SonarDiagnostics = sonarCount;
    }

    return result;
}

CSharpCompilation NewCompilation(List<SyntaxTree> trees, bool withCors, string? enableOnly = null)
{
    var compilationOptions = new CSharpCompilationOptions(withCors ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
    if (enableOnly is not null)
    {
        compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [enableOnly] = ReportDiagnostic.Warn });
    }

    return CSharpCompilation.Create("Bench", trees, withCors ? references.AspNetCore : references.Plain, compilationOptions);
}

static (double Milliseconds, int Diagnostics) AnalyzerTime(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(SonarS5122.Settings)), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    var total = TimeSpan.Zero;
    foreach (var analyzer in analyzers)
    {
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
        total += telemetry.ExecutionTime;
        if (Environment.GetEnvironmentVariable("CORS_BENCH_VERBOSE") == "1")
        {
            Console.WriteLine($"  {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:0.00} ms, operation actions {telemetry.OperationActionsCount}, block actions {telemetry.OperationBlockActionsCount}, symbol actions {telemetry.SymbolActionsCount}");
        }
    }

    return (total.TotalMilliseconds, diagnostics.Length);
}

static double Time(Action action)
{
    var stopwatch = Stopwatch.StartNew();
    action();
    return stopwatch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Percent(double ratio) => $"{ratio * 100:0.000} %";

static void Row(string name, List<double> values) =>
    Console.WriteLine($"| {name} | {Median(values):0.00} ms | {values.DefaultIfEmpty().Min():0.00} ms | {values.DefaultIfEmpty().Max():0.00} ms |");

internal sealed class Result
{
    public List<double> Compile { get; } = new();

    public List<double> Ours { get; } = new();

    public List<double> Sonar { get; } = new();

    public int OurDiagnostics { get; set; }

    public int SonarDiagnostics { get; set; }
}

internal sealed record BenchmarkOptions(int Files, int Iterations, bool Scaling)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var files = 2000;
        var iterations = 5;
        var scaling = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files": files = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--no-scaling": scaling = false; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --files N, --iterations N, --no-scaling");
            }
        }

        return new BenchmarkOptions(files, iterations, scaling);
    }
}

/// <summary>The reference assemblies of the installed SDK: the BCL alone, and the BCL plus the ASP.NET Core shared framework.</summary>
internal sealed record ReferenceSet(ImmutableArray<MetadataReference> Plain, ImmutableArray<MetadataReference> AspNetCore)
{
    public static ReferenceSet Load()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var plain = Pack(dotnetRoot, "Microsoft.NETCore.App.Ref");
        return new ReferenceSet(plain, plain.AddRange(Pack(dotnetRoot, "Microsoft.AspNetCore.App.Ref")));
    }

    private static ImmutableArray<MetadataReference> Pack(string dotnetRoot, string name)
    {
        var versions = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", name)).OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version()).Last();
        var framework = Directory.GetDirectories(Path.Combine(versions, "ref")).OrderBy(d => d).Last();
        return Directory.GetFiles(framework, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>SonarAnalyzer's analyzers that report S5122, loaded from the restored package.</summary>
internal static class SonarS5122
{
    /// <summary>Sonar runs security-hotspot rules such as S5122 only when its settings file lists them.</summary>
    public static readonly AdditionalText Settings = new InMemoryText("SonarLint.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <AnalysisInput>
          <Settings></Settings>
          <Rules>
            <Rule><Key>S5122</Key></Rule>
          </Rules>
          <Files></Files>
        </AnalysisInput>
        """);

    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var directory = typeof(SonarS5122).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SonarAnalyzerDirectory").Value!;
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var loader = new AssemblyLoader();
        foreach (var path in Directory.GetFiles(directory, "*.dll", SearchOption.AllDirectories).Where(p => Path.GetFileName(p).StartsWith("SonarAnalyzer", StringComparison.Ordinal)))
        {
            foreach (var analyzer in new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
            {
                if (analyzer.SupportedDiagnostics.Any(d => d.Id == "S5122"))
                {
                    analyzers.Add(analyzer);
                }
            }
        }

        return analyzers.ToImmutable();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
