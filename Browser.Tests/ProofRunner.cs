using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.Browser.Tests.Lab;
using CorsAnalyzers.Browser.Tests.Proofs;

namespace CorsAnalyzers.Browser.Tests;

/// <summary>Runs a proof: the app as written, then as repaired, each on Kestrel with the pages calling it from Chromium.</summary>
public abstract class ProofRunner(BrowserLab lab)
{
    /// <summary>A hung browser or server fails the test instead of holding up the run.</summary>
    protected const int ProofTimeout = 120_000;

    protected async Task ProveAsync(string key)
    {
        var proof = ProofCatalog.Find(key);
        var fixedSource = await proof.Change.AfterAsync(proof.Rule);
        var before = await ObserveAsync(proof, proof.Change.Before, proof.Before);
        var after = await ObserveAsync(proof, fixedSource, proof.After);
        var row = ProofTable.Row(proof, ProofTable.Cell(Describe(before)), ProofTable.Cell(Describe(after)));
        ProofTable.Record(proof, row);

        var unmet = before.Observations.Concat(after.Observations).Where(o => !o.Expectation.IsMetBy(o.Outcome)).ToList();
        Assert.True(unmet.Count == 0, string.Join("\n", unmet.Select(o => $"expected {o.Expectation}, the page got: {o.Outcome}")) + "\n\nbefore:\n" + proof.Change.Before + "\n\nafter:\n" + fixedSource);
        Assert.True(ProofTable.ReadmeRows().Contains(row), $"README.md's browser proof table lacks this row (the browser showed it just now; this run's table is in artifacts/browser-proof.md):\n{row}");
    }

    private async Task<Phase> ObserveAsync(BrowserProof proof, string source, IReadOnlyList<Expectation> expectations)
    {
        var account = expectations.Any(e => e.Call.Credentials);
        await using var api = await lab.StartApiAsync(source, account);
        if (api.Running.StartupException is null)
        {
            if (account)
            {
                lab.SignIn(api);
            }

            if (proof.VisitFirst is { } path)
            {
                lab.Visit(api.Origin + path);
            }
        }

        var startup = api.Running.StartupException;
        return new Phase(
            startup is null ? null : $"the app does not start ({startup.GetType().Name}: {FirstSentence(startup.Message)})",
            expectations.Select(e => new Observation(e, lab.Fetch(e.Page, api, e.Call), api.Origin)).ToList());
    }

    private static IEnumerable<string> Describe(Phase phase) =>
        (phase.Startup is null ? Enumerable.Empty<string>() : new[] { phase.Startup })
            .Concat(phase.Observations.Select(o => $"{o.Expectation.Page}, {o.Expectation.Call}: {o.Outcome.Summary(o.Expectation.Call).Replace(o.ApiOrigin, "the API", StringComparison.Ordinal)}"));

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text.TrimEnd('.') : text[..end];
    }

    private sealed record Phase(string? Startup, IReadOnlyList<Observation> Observations);

    private sealed record Observation(Expectation Expectation, Outcome Outcome, string ApiOrigin);
}
