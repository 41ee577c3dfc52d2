using System.Collections.Generic;
using System.Linq;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>One offered code action, applied, and whether what it produced is valid.</summary>
public sealed record AppliedFix(string EquivalenceKey, string Title, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>One diagnostic of a fixable rule and every action offered for it.</summary>
public sealed record Finding(string Snippet, string Rule, string Where, string Message, IReadOnlyList<AppliedFix> Fixes)
{
    public bool IsOffered => Fixes.Count > 0;

    public bool IsValid => IsOffered && Fixes.All(static f => f.IsValid);
}

/// <summary>What the harness saw for one corpus snippet before and after each fix.</summary>
public sealed record SnippetResult(
    CorpusSnippet Snippet,
    IReadOnlyList<string> CompilerErrors,
    IReadOnlyList<string> AnalyzerExceptions,
    IReadOnlyList<string> RulesReported,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Why the snippet does not hold up as a corpus entry, or null: it must compile and show the rule its folder names.</summary>
    public string? CorpusProblem =>
        CompilerErrors.Count > 0 ? "compiler errors before any fix: " + string.Join("; ", CompilerErrors)
        : AnalyzerExceptions.Count > 0 ? "analyzer exceptions: " + string.Join("; ", AnalyzerExceptions)
        : !RulesReported.Contains(Snippet.ExpectedRule) ? $"no {Snippet.ExpectedRule} finding (reported: {(RulesReported.Count == 0 ? "none" : string.Join(", ", RulesReported))})"
        : null;
}

/// <summary>Per rule: how many findings, how many got an action, how many got only valid actions.</summary>
public sealed record RuleCoverage(string Rule, int Findings, int Offered, int Valid);
