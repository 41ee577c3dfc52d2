using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>docs/architecture.md names only files and folders that exist.</summary>
public sealed class ArchitectureDocTests
{
    [Fact]
    public void EveryPathItNames_Exists()
    {
        var root = TestCompilations.RepositoryRoot;
        var page = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var paths = Regex.Matches(page, @"`((?:Analyzers|CodeFixes|Analyzers\.Tests|docs|samples|benchmarks)[/\w.]*)`")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.True(paths.Count >= 10, $"expected the page to name the rooms, found {paths.Count} paths");
        Assert.All(paths, path => Assert.True(
            File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)),
            $"docs/architecture.md names {path}, which does not exist"));
    }

    /// <summary>The models never read the rules, and the fixes never read the rules: a rule's decision reaches a fix only through its diagnostic.</summary>
    [Theory]
    [InlineData("Analyzers/Model")]
    [InlineData("CodeFixes")]
    public void Folder_DoesNotReadTheRules(string folder)
    {
        var root = TestCompilations.RepositoryRoot;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("CorsAnalyzers.Rules"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Every folder of the models is a room the page names.</summary>
    [Fact]
    public void EveryModelFolder_IsNamed()
    {
        var root = TestCompilations.RepositoryRoot;
        var page = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var folders = Directory.GetDirectories(Path.Combine(root, "Analyzers", "Model"))
            .Select(d => "Analyzers/Model/" + Path.GetFileName(d) + "/")
            .ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, folder => Assert.Contains($"`{folder}", page));
    }

    /// <summary>The rule folders read the models and the rule contexts, never each other: no rule calls another rule.</summary>
    [Fact]
    public void RuleFolders_DoNotReadEachOther()
    {
        var root = TestCompilations.RepositoryRoot;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "Analyzers", "Rules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Path.Combine(root, "Analyzers", "Rules"))
            .Where(f => Regex.IsMatch(Regex.Replace(File.ReadAllText(f), @"^namespace [\w.]+;", string.Empty, RegexOptions.Multiline), @"CorsAnalyzers\.Rules\.\w+"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.Empty(offenders);
    }
}
