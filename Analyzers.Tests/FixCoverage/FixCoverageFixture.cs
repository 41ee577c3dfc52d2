using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>Runs the corpus once for all fix-coverage tests and writes <c>artifacts/fix-coverage.md</c>.</summary>
public sealed class FixCoverageFixture : IAsyncLifetime
{
    public FixCoverageReport Report { get; private set; } = null!;

    public string ReportPath { get; } = Path.Combine(TestCompilations.RepositoryRoot, "artifacts", "fix-coverage.md");

    public async Task InitializeAsync()
    {
        Report = new FixCoverageReport(await FixCoverageRunner.RunAsync(CorpusSnippet.LoadAll()));
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        await File.WriteAllTextAsync(ReportPath, Report.ToMarkdown());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
