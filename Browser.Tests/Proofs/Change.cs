using System;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.Tests;
using CorsAnalyzers.Tests.Live;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>The app before and after a repair: the real output of a code fix, or code written by hand where no fix exists yet.</summary>
internal abstract record Change(string Before)
{
    /// <summary>The app after the repair, once the checks that <paramref name="rule"/> flags the mistake and the repair is clean have passed.</summary>
    public abstract Task<string> AfterAsync(string rule);

    /// <summary>The rule flags <see cref="LiveScenario.Source"/> and its code fix produces the app that runs after.</summary>
    public sealed record CodeFix(LiveScenario Scenario) : Change(Scenario.Source)
    {
        public override Task<string> AfterAsync(string rule)
        {
            Assert.Equal(rule, Scenario.RuleId);
            return Scenario.FlagAndFixAsync();
        }
    }

    /// <summary>
    /// A repair written by hand, for a rule with no code fix (or one whose fix does not apply to this app). The repair must
    /// leave no CORS warning; the mistake must be flagged by the rule as soon as the package has that rule.
    /// </summary>
    public sealed record HandWritten(string BeforeSource, string After) : Change(BeforeSource)
    {
        public override async Task<string> AfterAsync(string rule)
        {
            if (TestCompilations.AllAnalyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == rule)))
            {
                Assert.Contains(await LiveApp.AnalyzeAsync(Before), d => d.Id == rule);
            }

            Assert.DoesNotContain(await LiveApp.AnalyzeAsync(After), d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("CORS", StringComparison.Ordinal));
            return After;
        }
    }
}
