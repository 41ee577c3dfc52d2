using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>What the compiler and every CORS analyzer report for one version of a project.</summary>
public sealed class ProjectDiagnostics
{
    private ProjectDiagnostics(Project project, ImmutableArray<Diagnostic> compiler, ImmutableArray<Diagnostic> cors, IReadOnlyList<Exception> analyzerExceptions)
    {
        Project = project;
        Compiler = compiler;
        Cors = cors;
        AnalyzerExceptions = analyzerExceptions;
    }

    public Project Project { get; }

    public ImmutableArray<Diagnostic> Compiler { get; }

    public ImmutableArray<Diagnostic> Cors { get; }

    public IReadOnlyList<Exception> AnalyzerExceptions { get; }

    public IEnumerable<Diagnostic> CompilerErrors => Compiler.Where(static d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> CompilerWarnings => Compiler.Where(static d => d.Severity == DiagnosticSeverity.Warning);

    public static async Task<ProjectDiagnostics> CollectAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var compiler = compilation.GetDiagnostics();
        var (analyzerDiagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        var cors = analyzerDiagnostics
            .Where(static d => d.Id.StartsWith("CORS", StringComparison.Ordinal))
            .OrderBy(static d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(static d => d.Location.SourceSpan.Start)
            .ThenBy(static d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ProjectDiagnostics(project, compiler, cors, exceptions);
    }

    public int Count(string id) => Cors.Count(d => d.Id == id);

    /// <summary><c>File.cs(12): CS0103 The name 'x' does not exist</c>: where and what, for reports.</summary>
    public static string Describe(Diagnostic diagnostic) =>
        $"{Where(diagnostic.Location)}: {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Where(Location location)
    {
        if (!location.IsInSource)
        {
            return "(no source)";
        }

        var span = location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})";
    }
}
