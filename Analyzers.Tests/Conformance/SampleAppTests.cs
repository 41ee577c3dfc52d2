using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// The sample app marks every line that carries a CORS mistake with <c>expect: CORSnnn</c>; the analyzers must report
/// exactly those, so the sample's build output and its comments never drift apart.
/// </summary>
public sealed partial class SampleAppTests
{
    public static IEnumerable<object[]> Samples() =>
        Directory.GetDirectories(Path.Combine(TestCompilations.RepositoryRoot, "samples"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(d => new object[] { Path.GetFileName(d) });

    [Fact]
    public void Samples_TogetherShowEveryRule()
    {
        var marked = Directory.GetFiles(Path.Combine(TestCompilations.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ExpectMarker().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var ids = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        Assert.All(ids, id => Assert.Contains(id, marked));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleApp_ReportsExactlyTheMarkedFindings(string sample)
    {
        var directory = Path.Combine(TestCompilations.RepositoryRoot, "samples", sample);
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToArray();
        var sources = files.Select(File.ReadAllText).ToArray();

        var expected = new List<string>();
        for (var i = 0; i < files.Length; i++)
        {
            var lines = sources[i].Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                foreach (Match match in ExpectMarker().Matches(lines[line]))
                {
                    expected.Add($"File{i}.cs:{line + 1} {match.Groups[1].Value}");
                }
            }
        }

        // The settings files, as the package hands them to the compiler; their findings are marked in JSON comments.
        var settings = Directory.GetFiles(directory, "appsettings*.json").OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        foreach (var file in settings)
        {
            var lines = File.ReadAllLines(file);
            for (var line = 0; line < lines.Length; line++)
            {
                foreach (Match match in ExpectMarker().Matches(lines[line]))
                {
                    expected.Add($"{Path.GetFileName(file)}:{line + 1} {match.Groups[1].Value}");
                }
            }
        }

        var compilation = await TestCompilations.CreateAsync(sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(
            compilation, TestCompilations.AllAnalyzers, settings.Select(f => TestCompilations.AdditionalFile(f, File.ReadAllText(f))));
        Assert.Empty(exceptions);

        var actual = diagnostics
            .Where(d => d.Id.StartsWith("CORS", System.StringComparison.Ordinal))
            .Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(s => s, System.StringComparer.Ordinal), actual);
    }

    [GeneratedRegex(@"expect: (CORS\d{3})")]
    private static partial Regex ExpectMarker();
}
