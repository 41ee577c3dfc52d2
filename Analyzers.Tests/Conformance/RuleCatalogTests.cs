using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>Checks that hold for every rule: ids, help links, doc pages, release tracking, analyzer and fixer shape.</summary>
public sealed class RuleCatalogTests
{
    public static IEnumerable<object[]> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Distinct()
            .Select(id => new object[] { id });

    public static IEnumerable<object[]> Ids() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => new object[] { (string)f.GetRawConstantValue()! });

    /// <summary>Every descriptor of a rule: a rule may have a second descriptor for findings decided at compilation end.</summary>
    private static List<DiagnosticDescriptor> DescriptorsOf(string id) =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Where(d => d.Id == id).ToList();

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void HelpLink_PointsToExistingDocPage(string id)
    {
        Assert.All(DescriptorsOf(id), descriptor => Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri));
        var page = Path.Combine(TestCompilations.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith("# " + id, File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Descriptor_IsCompleteAndEnabled(string id)
    {
        var descriptors = DescriptorsOf(id);
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            Assert.Matches("^CORS[0-9]{3}$", descriptor.Id);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.Equal(descriptors[0].Title.ToString(), descriptor.Title.ToString());
            Assert.Equal(descriptors[0].DefaultSeverity, descriptor.DefaultSeverity);
            Assert.Equal(descriptors[0].Category, descriptor.Category);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_IsInReleaseTrackingWithItsSeverity(string id)
    {
        var analyzers = Path.Combine(TestCompilations.RepositoryRoot, "Analyzers");
        var lines = File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(analyzers, "AnalyzerReleases.Unshipped.md")));
        var row = lines.SingleOrDefault(l => l.StartsWith(id + " ", System.StringComparison.Ordinal));
        Assert.NotNull(row);
        var descriptor = DescriptorsOf(id)[0];
        Assert.Contains("| " + descriptor.DefaultSeverity + " |", row);
        Assert.Contains("| " + descriptor.Category + " |", row);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_IsReportedByAnAnalyzer_EachDescriptorByExactlyOne_AndListedInReadme(string id)
    {
        // A rule whose findings come from two models (CORS022: policies and hand-written headers) has one descriptor per model.
        Assert.Contains(TestCompilations.AllAnalyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));
        foreach (var descriptor in DescriptorsOf(id))
        {
            Assert.Single(TestCompilations.AllAnalyzers, a => a.SupportedDiagnostics.Contains(descriptor));
        }

        var readme = File.ReadAllText(Path.Combine(TestCompilations.RepositoryRoot, "README.md"));
        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme);
    }

    /// <summary>The README's rules table says what the descriptors and the fix providers say: severity, title, and a fix or none.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void ReadmeRow_MatchesTheDescriptorAndTheFixProviders(string id)
    {
        var readme = File.ReadAllLines(Path.Combine(TestCompilations.RepositoryRoot, "README.md"));
        var row = Assert.Single(readme, line => line.StartsWith($"| [{id}](docs/rules/{id}.md) |", System.StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        var main = DescriptorsOf(id)[0];

        Assert.Equal(main.DefaultSeverity.ToString(), cells[2]);
        Assert.Equal(main.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        var hasFix = TestCompilations.AllCodeFixProviders.Any(p => p.FixableDiagnosticIds.Contains(id));
        Assert.True(hasFix == (cells[4] != "—"), $"{id}: the README's fix column says '{cells[4]}', a fix provider {(hasFix ? "exists" : "does not exist")}");
    }

    /// <summary>A doc page's heading and property table say what the descriptor and the fix providers say.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void DocPage_MatchesTheDescriptorAndTheFixProviders(string id)
    {
        var page = File.ReadAllLines(Path.Combine(TestCompilations.RepositoryRoot, "docs", "rules", id + ".md"));
        var main = DescriptorsOf(id)[0];
        Assert.Equal($"# {id}: {main.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)}", page[0]);

        string Cell(string property)
        {
            var row = Assert.Single(page, line => line.StartsWith($"| {property} |", System.StringComparison.Ordinal));
            return row.Split('|')[2].Trim();
        }

        Assert.Equal(id, Cell("Rule ID"));
        Assert.Equal(main.Category, Cell("Category"));
        var severity = Cell("Default severity");
        Assert.True(severity == main.DefaultSeverity.ToString() || severity.StartsWith(main.DefaultSeverity + " (", System.StringComparison.Ordinal), $"{id}: the page says '{severity}', the descriptor {main.DefaultSeverity}");
        var hasFix = TestCompilations.AllCodeFixProviders.Any(p => p.FixableDiagnosticIds.Contains(id));
        var fix = Cell("Code fix");
        Assert.True(hasFix == fix.StartsWith("Yes", System.StringComparison.Ordinal), $"{id}: the page's code fix row says '{fix}', a fix provider {(hasFix ? "exists" : "does not exist")}");
    }

    /// <summary>
    /// One name per rule: the ID's constant names its rule file (<see cref="RuleTableTests"/>), a fix provider that fixes
    /// only this ID, and its tests (<c>CORS005NullOriginTrustedTests</c>, or a file that covers a range such as
    /// <c>CORS016to018...</c>). A provider for several IDs is named for what it does.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_NamesItsFixProviderAndTests(string id)
    {
        var name = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Single(f => (string)f.GetRawConstantValue()! == id).Name;
        foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Length == 1 && p.FixableDiagnosticIds[0] == id))
        {
            var type = provider.GetType().Name;
            Assert.True(type.StartsWith(name, System.StringComparison.Ordinal) && type.EndsWith("CodeFixProvider", System.StringComparison.Ordinal), $"{id}: the provider {type} is not named after {name}");
        }

        var number = int.Parse(id.Substring(4), System.Globalization.CultureInfo.InvariantCulture);
        var tests = Directory.GetFiles(Path.Combine(TestCompilations.RepositoryRoot, "Analyzers.Tests", "Rules"), "CORS*.cs").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(
            tests.Any(t => t!.StartsWith(id + name, System.StringComparison.Ordinal) || CoversInRange(t!, number)),
            $"{id}: no test file named {id}{name}Tests.cs (or a CORSnnntommm file covering it)");
    }

    private static bool CoversInRange(string file, int number)
    {
        var match = System.Text.RegularExpressions.Regex.Match(file, @"^CORS(\d{3})to(\d{3})");
        return match.Success
            && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= number
            && number <= int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Analyzers_ArePublicSealedAndCSharpOnly()
    {
        Assert.NotEmpty(TestCompilations.AllAnalyzers);
        foreach (var analyzer in TestCompilations.AllAnalyzers)
        {
            var type = analyzer.GetType();
            Assert.True(type.IsPublic && type.IsSealed, type.Name);
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            Assert.EndsWith("Analyzer", type.Name);
        }
    }

    [Fact]
    public void CodeFixProviders_AreExportedUnderTheirOwnNameAndFixKnownIds()
    {
        Assert.NotEmpty(TestCompilations.AllCodeFixProviders);
        var ids = Ids().Select(row => (string)row[0]).ToHashSet();
        foreach (var provider in TestCompilations.AllCodeFixProviders)
        {
            var type = provider.GetType();
            Assert.True(type.IsPublic && type.IsSealed, type.Name);
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotEmpty(provider.FixableDiagnosticIds);
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            // Replacing hand-written headers turns each place into its own policy; merging places is a person's decision.
            if (provider is not CodeFixes.UseCorsMiddlewareCodeFixProvider)
            {
                Assert.NotNull(provider.GetFixAllProvider());
            }

            var keys = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.Name.EndsWith("Key", System.StringComparison.Ordinal))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Contains(provider.FixableDiagnosticIds, id => key.StartsWith(id + "_", System.StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Presets_CoverEveryRule()
    {
        var config = Path.Combine(TestCompilations.RepositoryRoot, "Analyzers.Package", "config");
        var none = File.ReadAllText(Path.Combine(config, "CorsAnalyzers.None.globalconfig"));
        var strict = File.ReadAllLines(Path.Combine(config, "CorsAnalyzers.Strict.globalconfig"));
        foreach (var id in Ids().Select(row => (string)row[0]))
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = none", none);
            var descriptor = DescriptorsOf(id)[0];
            var expected = descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Info => $"dotnet_diagnostic.{id}.severity = warning",
                DiagnosticSeverity.Warning when descriptor.Category == "Security" => $"dotnet_diagnostic.{id}.severity = error",
                _ => null,
            };
            if (expected is null)
            {
                Assert.DoesNotContain(strict, line => line.StartsWith($"dotnet_diagnostic.{id}.", System.StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(expected, strict);
            }
        }
    }
}
