using System.Collections.Generic;

namespace CorsAnalyzers.Browser.Tests.Proofs;

/// <summary>
/// One rule's consequence seen in the browser: the pages' calls to the app before the repair and after it.
/// </summary>
/// <param name="App">How the proof table names the mistake.</param>
/// <param name="VisitFirst">A path of the API the user opens as a page before the calls (it primes server-side caches).</param>
internal sealed record BrowserProof(
    string Rule,
    string App,
    Change Change,
    IReadOnlyList<Expectation> Before,
    IReadOnlyList<Expectation> After,
    string? VisitFirst = null)
{
    /// <summary>The proof's test case name and table key.</summary>
    public string Key => $"{Rule} {App}";

    public override string ToString() => Key;
}
