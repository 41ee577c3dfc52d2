using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>Runs every analyzer over every corpus snippet, then every offered fix on every finding of a fixable rule.</summary>
public static class FixCoverageRunner
{
    public static async Task<IReadOnlyList<SnippetResult>> RunAsync(IReadOnlyList<CorpusSnippet> snippets)
    {
        var references = await TestCompilations.GetReferencesAsync(CorsTestSetup.AspNetCore);
        var results = new SnippetResult[snippets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        await Parallel.ForEachAsync(Enumerable.Range(0, snippets.Count), options, async (i, _) =>
            results[i] = await RunAsync(snippets[i], references));
        return results;
    }

    private static async Task<SnippetResult> RunAsync(CorpusSnippet snippet, ImmutableArray<MetadataReference> references)
    {
        var before = await ProjectDiagnostics.CollectAsync(SnippetProject.Create(snippet, references));
        var findings = new List<Finding>();
        foreach (var diagnostic in before.Cors.Where(static d => d.Location.IsInSource && FixApplier.FixableRules.Contains(d.Id)))
        {
            var fixes = await FixApplier.ApplyEachAsync(before, diagnostic);
            findings.Add(new Finding(
                snippet.Name,
                diagnostic.Id,
                ProjectDiagnostics.Where(diagnostic.Location),
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                fixes));
        }

        return new SnippetResult(
            snippet,
            before.CompilerErrors.Select(ProjectDiagnostics.Describe).ToArray(),
            before.AnalyzerExceptions.Select(static e => e.GetType().Name + ": " + e.Message).ToArray(),
            before.Cors.Select(static d => d.Id).Distinct().OrderBy(static id => id, System.StringComparer.Ordinal).ToArray(),
            findings);
    }
}
