using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// The rule table is the one list of rules: the analyzer supports exactly its descriptors, every declared descriptor and
/// ID is in it, and every rule in it runs (the sample app shows each ID). The per-ID checks of <see cref="RuleCatalogTests"/>
/// (doc page, README row, release tracking, presets) then hold for every rule of the table.
/// </summary>
public sealed class RuleTableTests
{
    private static readonly DiagnosticDescriptor[] Declared = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToArray();

    [Fact]
    public void Analyzer_SupportsExactlyTheTable()
    {
        var supported = new CorsAnalyzer().SupportedDiagnostics;
        Assert.Equal(RuleTable.Descriptors.Length, supported.Length);
        Assert.All(RuleTable.Descriptors, descriptor => Assert.Contains(descriptor, supported));
    }

    [Fact]
    public void EveryDeclaredDescriptor_IsInTheTable_AndNothingElse()
    {
        Assert.All(Declared, descriptor => Assert.Contains(descriptor, RuleTable.Descriptors));
        Assert.All(RuleTable.Descriptors, descriptor => Assert.Contains(descriptor, Declared));
    }

    [Fact]
    public void EveryId_HasARuleInTheTable()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).OrderBy(id => id).ToArray();
        Assert.Equal(ids, RuleTable.Descriptors.Select(d => d.Id).Distinct().OrderBy(id => id).ToArray());
    }

    /// <summary>
    /// One home per ID: every check reporting an ID is in one class named after the ID's constant
    /// (<c>DiagnosticIds.NullOriginTrusted</c>: <c>NullOriginTrustedRule</c>), in a file of the same name under
    /// <c>Analyzers/Rules/</c>.
    /// </summary>
    [Fact]
    public void EveryId_IsCheckedInOneRuleFileNamedAfterIt()
    {
        var names = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);
        var files = Directory.GetFiles(Path.Combine(TestCompilations.RepositoryRoot, "Analyzers", "Rules"), "*.cs", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var lists = typeof(RuleTable).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType.IsGenericType).ToArray();
        var checks = 0;
        foreach (var list in lists)
        {
            foreach (var rule in (System.Collections.IEnumerable)list.GetValue(null)!)
            {
                var check = (System.Delegate)rule.GetType().GetProperty("Check")!.GetValue(rule)!;
                var descriptors = (System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor>)rule.GetType().GetProperty("Descriptors")!.GetValue(rule)!;
                foreach (var id in descriptors.Select(d => d.Id).Distinct())
                {
                    Assert.Equal(names[id] + "Rule", check.Method.DeclaringType!.Name);
                }

                Assert.Contains(check.Method.DeclaringType!.Name, files);
                checks++;
            }
        }

        Assert.True(checks >= names.Count, $"{checks} checks for {names.Count} IDs");
    }

    /// <summary>The README's "Adding a rule" table names every list of the table, and the model each list's checks read.</summary>
    [Fact]
    public void Readme_NamesEveryListWithItsModel()
    {
        var readme = File.ReadAllLines(Path.Combine(TestCompilations.RepositoryRoot, "README.md"));
        var lists = typeof(RuleTable).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType.IsGenericType).ToArray();
        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            var model = list.FieldType.GetGenericArguments()[0].GetGenericArguments()[0].Name;
            var row = Assert.Single(readme, line => line.EndsWith($"| `RuleTable.{list.Name}` |", System.StringComparison.Ordinal));
            Assert.Contains($"`{model}`", row);
        }
    }

    [Fact]
    public async Task EveryRuleOfTheTable_ReportsOnTheSamples()
    {
        var reported = new System.Collections.Generic.HashSet<string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(TestCompilations.RepositoryRoot, "samples")).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0))
        {
            var sources = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .Select(File.ReadAllText)
                .ToArray();
            var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(await TestCompilations.CreateAsync(sources), TestCompilations.AllAnalyzers);
            Assert.Empty(exceptions);
            reported.UnionWith(diagnostics.Select(d => d.Id));
        }

        Assert.All(RuleTable.Descriptors.Select(d => d.Id).Distinct(), id => Assert.Contains(id, reported));
    }
}
