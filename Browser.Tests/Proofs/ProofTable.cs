using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>
/// The README's table of what the browser did before and after each repair. Every proof renders its row from what the
/// browser showed and requires the README to hold that exact row; this run's rows are also written to
/// <c>artifacts/browser-proof.md</c>, ready to paste when a change of behaviour is intended.
/// </summary>
internal static class ProofTable
{
    public const string Begin = "<!-- browser-proof:begin -->";
    public const string End = "<!-- browser-proof:end -->";
    public const string Header = "| Rule | App | Before the fix | After the fix |\n|---|---|---|---|";

    private static readonly Dictionary<string, string> RecordedRows = new();

    public static string ReadmePath => Path.Combine(DotNetProcess.RepositoryRoot(), "README.md");

    public static string Row(BrowserProof proof, string before, string after) => $"| {proof.Rule} | {Cell(proof.App)} | {before} | {after} |";

    /// <summary>One cell: each call on its own line, as "page, call: what the page got".</summary>
    public static string Cell(IEnumerable<string> lines) => string.Join("<br>", lines.Select(Cell));

    /// <summary>Adds this run's row for <paramref name="proof"/> to the artifact table, kept in catalog order.</summary>
    public static void Record(BrowserProof proof, string row)
    {
        lock (RecordedRows)
        {
            RecordedRows[proof.Key] = row;
            var rows = ProofCatalog.All.Where(p => RecordedRows.ContainsKey(p.Key)).Select(p => RecordedRows[p.Key]);
            var artifacts = Directory.CreateDirectory(Path.Combine(DotNetProcess.RepositoryRoot(), "artifacts"));
            File.WriteAllText(Path.Combine(artifacts.FullName, "browser-proof.md"), Header + "\n" + string.Join("\n", rows) + "\n");
        }
    }

    /// <summary>The rows between the README's markers.</summary>
    public static IReadOnlyList<string> ReadmeRows()
    {
        var text = File.ReadAllText(ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md has no browser proof table between {Begin} and {End}");
        var table = text[(begin + Begin.Length)..end].Trim();
        Assert.StartsWith(Header, table);
        return table[Header.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The rule and app cells of a row, which name its proof.</summary>
    public static string KeyOf(string row)
    {
        var cells = row.Split(" | ");
        return cells.Length < 2 ? row : cells[0].TrimStart('|', ' ') + " " + cells[1];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
