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
if (options.RealBuilds > 0)
{
    RealBuild.Run(options.Files, options.RealBuilds);
    return;
}

var references = ReferenceSet.Load();
var ours = typeof(CorsAnalyzers.DiagnosticIds).Assembly.GetTypes()
    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var sonar = SonarS5122.Load();

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; iterations: {options.Iterations} (+1 warm-up)");
Console.WriteLine($"Analyzers: CorsAnalyzers ({ours.Length} analyzer(s)); SonarAnalyzer.CSharp 9.32 ({sonar.Length} analyzer(s) with S5122)");
Console.WriteLine();

var main = Measure(options.Files, withCors: true, includeSonar: true, includeCompile: true, includeWall: true);
var noCors = Measure(options.Files, withCors: false, includeSonar: false, includeCompile: false, includeWall: true);
var webNoCors = Measure(options.Files, withCors: false, includeSonar: false, includeCompile: true, includeWall: true, webWithoutCors: true);
Console.WriteLine();
Console.WriteLine($"| {options.Files} files | median | min | max |");
Console.WriteLine("|---|---|---|---|");
Row("compile (emit, warm)", main.Compile);
Row("CorsAnalyzers, own time (telemetry)", main.Ours);
Row("SonarAnalyzer S5122, own time (telemetry)", main.Sonar);
Row("wall clock, do-nothing analyzer", main.BaselineWall);
Row("wall clock, CorsAnalyzers", main.OursWall);
Row("wall clock difference (CorsAnalyzers - do-nothing)", main.WallDifference);
Row("wall clock, do-nothing + empty compilation-end action", main.BaselineEndWall);
Row("wall clock difference (CorsAnalyzers - do-nothing + end)", main.WallDifferenceToEnd);
Row("CorsAnalyzers, no-CORS variant, own time", noCors.Ours);
Row("no-CORS variant, wall clock difference", noCors.WallDifference);
Row("web project without CORS code: compile (emit, warm)", webNoCors.Compile);
Row("web project without CORS code: CorsAnalyzers, own time", webNoCors.Ours);
Row("web project without CORS code: wall clock difference", webNoCors.WallDifference);
Console.WriteLine();
Console.WriteLine($"Own time / compile time:               {Percent(Median(main.Ours) / Median(main.Compile))} (target <= 0.5 %)");
Console.WriteLine($"Wall-clock difference / compile time:   {Percent(Median(main.WallDifference) / Median(main.Compile))} (target <= 2 %; against a syntax-only do-nothing analyzer)");
Console.WriteLine($"Difference to do-nothing + end / compile time: {Percent(Median(main.WallDifferenceToEnd) / Median(main.Compile))} (a compilation-end action alone makes the driver bind every method body)");
Console.WriteLine($"Own time / S5122 own time:              {Median(main.Ours) / Median(main.Sonar):0.000} (target <= 0.1)");
Console.WriteLine($"No-CORS variant:                        own {Median(noCors.Ours):0.000} ms, wall-clock difference {Median(noCors.WallDifference):0.0} ms (target: about 0)");
Console.WriteLine($"Web project without CORS code:          own {Median(webNoCors.Ours):0.000} ms = {Percent(Median(webNoCors.Ours) / Median(webNoCors.Compile))} of compile, wall-clock difference {Median(webNoCors.WallDifference):0.0} ms (target <= 0.1 % and <= 20 ms)");
Console.WriteLine($"Allocated during analysis:              CorsAnalyzers {Median(main.OursAllocatedMb):0.0} MB, do-nothing {Median(main.BaselineAllocatedMb):0.0} MB");
Console.WriteLine($"Diagnostics: ours {main.OurDiagnostics}, S5122 {main.SonarDiagnostics}");

if (options.Scaling)
{
    Console.WriteLine();
    Console.WriteLine("| files | own time median (ms) | own per 1,000 files (ms) |");
    Console.WriteLine("|---|---|---|");
    foreach (var size in new[] { 500, 2000, 8000 })
    {
        var run = Measure(size, withCors: true, includeSonar: false, includeCompile: false, includeWall: false);
        Console.WriteLine($"| {size} | {Median(run.Ours):0.00} | {Median(run.Ours) / size * 1000:0.00} |");
    }
}

Console.WriteLine();
Console.WriteLine($"Peak working set of the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB");
return;

Result Measure(int files, bool withCors, bool includeSonar, bool includeCompile, bool includeWall, bool webWithoutCors = false)
{
    var sources = webWithoutCors ? SolutionGenerator.GenerateWebWithoutCors(files) : SolutionGenerator.Generate(files, withCors);
    // A web project without CORS code compiles against ASP.NET Core like the CORS variant.
    withCors |= webWithoutCors;
    var result = new Result();
    for (var iteration = 0; iteration <= options.Iterations; iteration++)
    {
        // Fresh trees each iteration: what the analyzer keeps per syntax tree is not reused across iterations, as in a build.
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.CSharp12), s.Path))
            .ToList();
        var compileTime = !includeCompile ? 0 : Time(() =>
        {
            using var stream = new MemoryStream();
            var emitted = NewCompilation(trees, withCors).Emit(stream);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }
        });
        // Own time first, on trees no analysis has seen (the source-marker scan is kept per tree).
        var (ourTime, ourCount) = AnalyzerTime(NewCompilation(trees, withCors), ours);
        // Wall clock of a sequential analysis without telemetry: the do-nothing analyzer and ours on equal fresh compilations.
        long baselineAllocated = 0, oursAllocated = 0;
        var baselineWall = includeWall ? WallTime(NewCompilation(trees, withCors), DoNothingAnalyzer.Instance, out baselineAllocated) : 0;
        var baselineEndWall = includeWall ? WallTime(NewCompilation(trees, withCors), DoNothingAnalyzer.WithCompilationEnd, out _) : 0;
        var oursWall = includeWall ? WallTime(NewCompilation(trees, withCors), ours, out oursAllocated) : 0;
        var (sonarTime, sonarCount) = includeSonar ? AnalyzerTime(NewCompilation(trees, withCors, enableOnly: "S5122"), sonar) : (0, 0);
        if (iteration == 0)
        {
            continue;
        }

        result.Compile.Add(compileTime);
        result.Ours.Add(ourTime);
        result.Sonar.Add(sonarTime);
        result.BaselineWall.Add(baselineWall);
        result.OursWall.Add(oursWall);
        result.WallDifference.Add(oursWall - baselineWall);
        result.BaselineEndWall.Add(baselineEndWall);
        result.WallDifferenceToEnd.Add(oursWall - baselineEndWall);
        result.BaselineAllocatedMb.Add(baselineAllocated / (1024.0 * 1024));
        result.OursAllocatedMb.Add(oursAllocated / (1024.0 * 1024));
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

static double WallTime(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, out long allocatedBytes)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var stopwatch = Stopwatch.StartNew();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
    withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    var elapsed = stopwatch.Elapsed.TotalMilliseconds;
    allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
    return elapsed;
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

    public List<double> BaselineWall { get; } = new();

    public List<double> OursWall { get; } = new();

    public List<double> WallDifference { get; } = new();

    public List<double> BaselineEndWall { get; } = new();

    public List<double> WallDifferenceToEnd { get; } = new();

    public List<double> BaselineAllocatedMb { get; } = new();

    public List<double> OursAllocatedMb { get; } = new();

    public int OurDiagnostics { get; set; }

    public int SonarDiagnostics { get; set; }
}

internal sealed record BenchmarkOptions(int Files, int Iterations, bool Scaling, int RealBuilds)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var files = 2000;
        var iterations = 5;
        var scaling = true;
        var realBuilds = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files": files = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--no-scaling": scaling = false; break;
                case "--real-build": realBuilds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --files N, --iterations N, --no-scaling, --real-build N");
            }
        }

        return new BenchmarkOptions(files, iterations, scaling, realBuilds);
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

/// <summary>
/// The driver's own cost, common to every analyzer: one syntax-node action that returns at once. Our wall-clock cost is the
/// difference to a run of this analyzer on an equal compilation.
/// </summary>
#pragma warning disable RS1036, RS1041, RS2008 // Lives in the benchmark only, never shipped or loaded by a compiler.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Instance = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer());

    public static readonly ImmutableArray<DiagnosticAnalyzer> WithCompilationEnd = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingWithEndAnalyzer());

    private static readonly DiagnosticDescriptor Never = new("BENCH0", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(static _ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
    }
}
/// <summary>The same, plus an empty compilation-end action: the floor of any analyzer with a compilation-wide rule.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingWithEndAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH1", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterSyntaxNodeAction(static _ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(static _ => { });
        });
    }
}
#pragma warning restore RS1036, RS1041, RS2008

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
