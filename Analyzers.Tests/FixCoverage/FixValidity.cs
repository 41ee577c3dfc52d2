using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>
/// A fix is valid when the project still compiles without new warnings, the fixed diagnostic is gone (one fewer of its
/// rule, none left where it was), and no other CORS rule newly warns, unless the fix's title announces that finding (a
/// joined origin list split apart "reveals an insecure origin": CORS006, true, that the joined string hid).
/// </summary>
public static class FixValidity
{
    private const int MaxListed = 4;

    /// <summary>Words of a fix title, and the rule whose new finding they announce.</summary>
    private static readonly (string Words, string Rule)[] Announced = { ("(reveals an insecure origin)", DiagnosticIds.InsecureOriginWithCredentials) };

    public static async Task<string?> ProblemAsync(ProjectDiagnostics before, ProjectDiagnostics after, Document original, Diagnostic fixedDiagnostic, string title = "")
    {
        var announced = Announced.Where(a => title.Contains(a.Words, StringComparison.Ordinal)).Select(static a => a.Rule).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var errors = after.CompilerErrors.ToList();
        if (errors.Count > 0)
        {
            problems.Add("compiler errors: " + List(errors.Select(ProjectDiagnostics.Describe)));
        }

        var newWarnings = Added(before.CompilerWarnings, after.CompilerWarnings, static d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        if (newWarnings.Count > 0)
        {
            problems.Add("new compiler warnings: " + List(newWarnings.Select(ProjectDiagnostics.Describe)));
        }

        if (after.AnalyzerExceptions.Count > 0)
        {
            problems.Add("analyzer exceptions: " + List(after.AnalyzerExceptions.Select(static e => e.GetType().Name + ": " + e.Message)));
        }

        var rule = fixedDiagnostic.Id;
        var remaining = await RemainingAtOriginalPlaceAsync(after, original, fixedDiagnostic);
        if (remaining is not null)
        {
            problems.Add($"{rule} still reported where it was: {ProjectDiagnostics.Describe(remaining)}");
        }
        else if (after.Count(rule) >= before.Count(rule))
        {
            problems.Add($"{rule} count did not drop ({before.Count(rule)} before, {after.Count(rule)} after): " + List(after.Cors.Where(d => d.Id == rule).Select(ProjectDiagnostics.Describe)));
        }

        // A suggestion is not a warning: removing credentials from an any-origin policy leaves the open policy that
        // CORS003 (Info) names on purpose, so that the choice stays visible.
        var newCors = Added(
            before.Cors.Where(d => d.Id != rule && d.Severity >= DiagnosticSeverity.Warning),
            after.Cors.Where(d => d.Id != rule && !announced.Contains(d.Id) && d.Severity >= DiagnosticSeverity.Warning),
            static d => d.Id);
        if (newCors.Count > 0)
        {
            problems.Add("new CORS diagnostics: " + List(newCors.Select(ProjectDiagnostics.Describe)));
        }

        return problems.Count == 0 ? null : string.Join(" | ", problems);
    }

    /// <summary>A diagnostic of the same rule at the fixed one's place, followed through the fix's text changes.</summary>
    private static async Task<Diagnostic?> RemainingAtOriginalPlaceAsync(ProjectDiagnostics after, Document original, Diagnostic fixedDiagnostic)
    {
        var changedDocument = after.Project.GetDocument(original.Id);
        if (changedDocument is null)
        {
            return null;
        }

        var changes = await changedDocument.GetTextChangesAsync(original);
        var (span, rewritten) = SpanTracking.Map(fixedDiagnostic.Location.SourceSpan, changes);
        var tree = await changedDocument.GetSyntaxTreeAsync();
        return after.Cors.FirstOrDefault(d => d.Id == fixedDiagnostic.Id
            && d.Location.SourceTree == tree
            && (rewritten ? span.Contains(d.Location.SourceSpan) : d.Location.SourceSpan == span));
    }

    /// <summary>The diagnostics of <paramref name="after"/> beyond those of <paramref name="before"/>, compared by <paramref name="key"/> (locations move).</summary>
    private static IReadOnlyList<Diagnostic> Added(IEnumerable<Diagnostic> before, IEnumerable<Diagnostic> after, Func<Diagnostic, string> key)
    {
        var counts = before.GroupBy(key).ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        var added = new List<Diagnostic>();
        foreach (var diagnostic in after)
        {
            var k = key(diagnostic);
            if (counts.TryGetValue(k, out var left) && left > 0)
            {
                counts[k] = left - 1;
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        return added;
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        var shown = string.Join("; ", all.Take(MaxListed));
        return all.Count > MaxListed ? $"{shown}; and {all.Count - MaxListed} more" : shown;
    }
}
