using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.TestSupport;
using Xunit.Abstractions;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// The package's code fixes applied by the two command-line clients that run a package's code fix providers,
/// <c>dotnet format analyzers</c> and Roslynator's <c>fix</c>, to the template apps of <see cref="ClientAppMistakes"/>.
/// Each fixed solution must build with no CORS diagnostic left or added, and the apps, started as deployed, must answer
/// browsers' requests as the fixed policies promise.
/// </summary>
public sealed class CodeFixClientTests(TemplateApps template, ITestOutputHelper output) : IClassFixture<TemplateApps>
{
    private static readonly string[] FixedRules =
        ["CORS001", "CORS002", "CORS004", "CORS005", "CORS007", "CORS008", "CORS009", "CORS010", "CORS011", "CORS012", "CORS013", "CORS015", "CORS016"];

    /// <summary>
    /// dotnet format (SDK 10.0.401) fixes one rule at a time: it analyzes with every analyzer that reports the rule, takes
    /// the first diagnostic of the result whatever its ID, and applies Fix All with the equivalence key of that diagnostic's
    /// first action. When that diagnostic belongs to another rule of the same analyzer, the fixer offers nothing for it and
    /// the rule is skipped ("Unable to fix CORS007. Code fix ... didn't return a Fix All action"); which diagnostic comes
    /// first varies from run to run. Every rule comes from the package's one analyzer, so each call names at most one rule
    /// per app: six calls for these apps (the storefront holds six rules).
    /// </summary>
    private static readonly string[][] FormatRounds =
    [
        ["CORS001", "CORS010", "CORS011", "CORS016"],
        ["CORS002", "CORS007", "CORS008"],
        ["CORS004", "CORS005", "CORS009"],
        ["CORS012"],
        ["CORS013"],
        ["CORS015"],
    ];

    [Fact]
    public async Task DotnetFormat_FixesEveryRuleThatSupportsFixAll()
    {
        var clock = Stopwatch.StartNew();
        var apps = template.Pristine.CopyTo("format");
        output.WriteLine($"apps copied and restored: {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var round in FormatRounds)
        {
            var (exitCode, log) = apps.Dotnet(["format", "analyzers", "Apps.sln", "--diagnostics", .. round, "--severity", "info", "--no-restore", "--verbosity", "detailed"]);
            Assert.True(exitCode == 0, log);
            output.WriteLine($"dotnet format {string.Join(' ', round)}: {clock.Elapsed.TotalSeconds:0.0} s");

            // dotnet format applies a fix only through Fix All in solution scope, and CORS016's fix has no Fix All (each
            // place becomes a policy of its own), so PartnerApi stays as written. The line repeats once per project, as
            // the tool loads the package's fixers from each project's references.
            var unfixed = log.Split('\n').Where(l => l.Contains("Unable to fix", StringComparison.Ordinal) || l.Contains("Failed to apply", StringComparison.Ordinal)).ToList();
            if (round.Contains("CORS016"))
            {
                Assert.NotEmpty(unfixed);
                Assert.All(unfixed, line => Assert.Contains("Unable to fix CORS016. Code fix UseCorsMiddlewareCodeFixProvider doesn't support Fix All in Solution", line));
            }
            else
            {
                Assert.True(unfixed.Count == 0, log);
            }
        }

        var build = apps.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        output.WriteLine($"fixed apps built: {clock.Elapsed.TotalSeconds:0.0} s");
        var left = Assert.Single(apps.LoggedDiagnostics());
        Assert.StartsWith($"{ClientAppMistakes.PartnerApi}/PartnerHeaders.cs(9): CORS016", left);
        Assert.Contains("context.Response.Headers[\"Access-Control-Allow-Origin\"]", apps.Read(ClientAppMistakes.PartnerApi, "PartnerHeaders.cs"));

        await FixedAppsAnswerAsync(apps, partnerApiFixed: false);
        output.WriteLine($"live checks done: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Roslynator_FixesEveryRule()
    {
        var clock = Stopwatch.StartNew();
        var repository = DotNetProcess.RepositoryRoot();
        var restore = DotNetProcess.Run(repository, null, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.Output);
        var apps = template.Pristine.CopyTo("roslynator");
        output.WriteLine($"tools restored, apps copied and restored: {clock.Elapsed.TotalSeconds:0.0} s");

        // Roslynator takes the analyzers and fixes from the projects' package references. It applies a fix only when the
        // fixer offers exactly one action for the diagnostic (1.0.1 even takes the third of three: a second action resets
        // its choice, a third is taken), so the rules with several actions name the one to use: CORS001 offers
        // "configured origins" and "remove AllowCredentials()", CORS013 one action per existing policy name.
        var fix = DotNetProcess.Run(
            repository,
            null,
            ["tool", "run", "roslynator", "--", "fix", apps.Solution, "--supported-diagnostics", .. FixedRules, "--severity-level", "info",
             "--diagnostic-fix-map", "CORS001=CORS001_UseConfiguredOrigins", "CORS013=CORS013_UseExistingPolicy.spa", "--verbosity", "normal"]);
        Assert.True(fix.ExitCode == 0, fix.Output);
        output.WriteLine($"roslynator fix: {clock.Elapsed.TotalSeconds:0.0} s");
        var summary = fix.Output[fix.Output.LastIndexOf("Fixed diagnostics:", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Unfixed diagnostics", fix.Output);
        Assert.All(FixedRules, id => Assert.Contains(id, summary));

        var build = apps.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        output.WriteLine($"fixed apps built: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(apps.LoggedDiagnostics());

        await FixedAppsAnswerAsync(apps, partnerApiFixed: true);
        output.WriteLine($"live checks done: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Starts the fixed apps and sends what browsers send; every app is stopped afterwards.</summary>
    private static async Task FixedAppsAnswerAsync(ClientApps apps, bool partnerApiFixed)
    {
        var names = ClientAppMistakes.All.Select(a => a.Name).Where(n => partnerApiFixed || n != ClientAppMistakes.PartnerApi).ToList();
        var starting = names.Select(n => RunningApp.StartAsync(apps.Directory(n), n)).ToList();
        try
        {
            var running = (await Task.WhenAll(starting)).ToDictionary(a => a.Name);
            await LiveChecks.StorefrontAsync(running[ClientAppMistakes.Storefront]);
            await LiveChecks.LegacyAdminAsync(running[ClientAppMistakes.LegacyAdmin]);
            await LiveChecks.ReportsApiAsync(running[ClientAppMistakes.ReportsApi]);
            if (partnerApiFixed)
            {
                await LiveChecks.PartnerApiAsync(running[ClientAppMistakes.PartnerApi]);
            }
        }
        finally
        {
            foreach (var app in starting.Where(t => t.IsCompletedSuccessfully))
            {
                app.Result.Dispose();
            }
        }
    }
}
