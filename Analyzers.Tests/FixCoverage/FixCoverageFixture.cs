using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>Runs the corpus once for all fix-coverage tests and writes <c>artifacts/fix-coverage.md</c>.</summary>
public sealed class FixCoverageFixture : IAsyncLifetime
{
    public FixCoverageReport Report { get; private set; } = null!;

    public string ReportPath { get; } = Path.Combine(TestCompilations.RepositoryRoot, "artifacts", "fix-coverage.md");

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var results = await FixCoverageRunner.RunAsync(CorpusSnippet.LoadAll());
        Report = new FixCoverageReport(results, stopwatch.Elapsed);
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        await File.WriteAllTextAsync(ReportPath, Report.ToMarkdown());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
