using System.Linq;
using Xunit.Abstractions;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>
/// Every fix, applied to real-code-shaped snippets (<c>FixCoverage/Corpus/&lt;rule&gt;/*.cs</c>): per rule, how many
/// findings get a fix and how many of those fixes leave valid code. The table goes to the test output and to
/// <c>artifacts/fix-coverage.md</c>.
/// </summary>
public sealed class FixCoverageTests : IClassFixture<FixCoverageFixture>
{
    private const double RequiredValidRatio = 0.90;
    private const int MinimumSnippets = 45;

    private readonly FixCoverageReport _report;

    public FixCoverageTests(FixCoverageFixture fixture, ITestOutputHelper output)
    {
        _report = fixture.Report;
        output.WriteLine(_report.ToMarkdown());
    }

    [Fact]
    public void Corpus_EverySnippetCompilesAndShowsItsRule()
    {
        Assert.True(_report.Snippets.Count >= MinimumSnippets, $"{_report.Snippets.Count} snippets, expected at least {MinimumSnippets}");
        var problems = _report.Snippets.Where(static s => s.CorpusProblem is not null).Select(static s => $"{s.Snippet.Name}: {s.CorpusProblem}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void OfferedFixes_AreAllValid()
    {
        var invalid = _report.InvalidFixes
            .Select(static p => $"{p.Finding.Snippet} {p.Finding.Where} {p.Finding.Rule} `{p.Fix.EquivalenceKey}`: {p.Fix.Problem}")
            .ToList();
        Assert.True(invalid.Count == 0, $"{invalid.Count} invalid fixes:\n" + string.Join("\n", invalid));
    }

    [Fact]
    public void ValidFixes_CoverNinetyPercentOfFindings()
    {
        Assert.True(
            _report.ValidRatio >= RequiredValidRatio,
            $"{_report.TotalValid} of {_report.TotalFindings} findings ({_report.ValidRatio:P1}) have a valid fix; required {RequiredValidRatio:P0}");
    }
}
