using System;
using System.Threading.Tasks;
using CorsAnalyzers.Tests.Live;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>The app before and after a repair: the real output of a code fix, or code written by hand where no fix exists yet.</summary>
internal abstract record Change(string Before)
{
    public abstract Task<string> AfterAsync();

    /// <summary>The rule flags <see cref="LiveScenario.Source"/> and its code fix produces the app that runs after.</summary>
    public sealed record CodeFix(LiveScenario Scenario) : Change(Scenario.Source)
    {
        public override Task<string> AfterAsync() => Scenario.FlagAndFixAsync();
    }

    /// <summary>A repair written by hand; it must leave no CORS warning.</summary>
    public sealed record HandWritten(string BeforeSource, string After) : Change(BeforeSource)
    {
        public override async Task<string> AfterAsync()
        {
            Assert.DoesNotContain(await LiveApp.AnalyzeAsync(After), d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("CORS", StringComparison.Ordinal));
            return After;
        }
    }
}
