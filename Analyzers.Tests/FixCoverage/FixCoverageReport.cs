using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>The per-rule table and the list of invalid fixes, as Markdown.</summary>
public sealed class FixCoverageReport
{
    public FixCoverageReport(IReadOnlyList<SnippetResult> snippets, TimeSpan elapsed)
    {
        Snippets = snippets;
        Elapsed = elapsed;
        Findings = snippets.SelectMany(static s => s.Findings).ToArray();
        Rules = FixApplier.FixableRules
            .OrderBy(static id => id, StringComparer.Ordinal)
            .Select(id => new RuleCoverage(
                id,
                Findings.Count(f => f.Rule == id),
                Findings.Count(f => f.Rule == id && f.IsOffered),
                Findings.Count(f => f.Rule == id && f.IsValid)))
            .ToArray();
    }

    public IReadOnlyList<SnippetResult> Snippets { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<RuleCoverage> Rules { get; }

    public int TotalFindings => Findings.Count;

    public int TotalValid => Findings.Count(static f => f.IsValid);

    public double ValidRatio => TotalFindings == 0 ? 0 : (double)TotalValid / TotalFindings;

    public IEnumerable<(Finding Finding, AppliedFix Fix)> InvalidFixes =>
        Findings.SelectMany(static f => f.Fixes.Where(static x => !x.IsValid).Select(x => (f, x)));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Fix coverage");
        text.AppendLine();
        text.AppendLine($"{Snippets.Count} corpus snippets, {Findings.Sum(static f => f.Fixes.Count)} fixes applied in {Elapsed.TotalSeconds:F1} s.");
        text.AppendLine("A finding is offered a fix when some action is registered for it, and valid when every offered action is valid:");
        text.AppendLine("no compiler error, no new compiler warning, the finding gone, no new CORS warning or error of another rule.");
        text.AppendLine();
        text.AppendLine("| Rule | Findings | Offered | Valid |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var rule in Rules)
        {
            text.AppendLine($"| {rule.Rule} | {rule.Findings} | {rule.Offered} | {rule.Valid} |");
        }

        text.AppendLine($"| **All** | {TotalFindings} | {Findings.Count(static f => f.IsOffered)} | {TotalValid} ({ValidRatio:P0}) |");
        AppendSection(text, "Invalid fixes", InvalidFixes.Select(static p =>
            $"{p.Finding.Snippet} {p.Finding.Where} {p.Finding.Rule}, `{p.Fix.EquivalenceKey}`: {p.Fix.Problem}"));
        AppendSection(text, "Findings with no fix offered", Findings.Where(static f => !f.IsOffered).Select(static f =>
            $"{f.Snippet} {f.Where} {f.Rule}: {f.Message}"));
        AppendSection(text, "Snippets that do not hold up", Snippets.Where(static s => s.CorpusProblem is not null).Select(static s =>
            $"{s.Snippet.Name}: {s.CorpusProblem}"));
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        text.AppendLine();
        text.AppendLine($"## {title} ({items.Count})");
        text.AppendLine();
        foreach (var line in items)
        {
            text.AppendLine("- " + line.Replace("\r", " ").Replace("\n", " "));
        }
    }
}
