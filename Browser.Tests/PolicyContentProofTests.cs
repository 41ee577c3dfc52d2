using System.Threading.Tasks;
using CorsAnalyzers.Browser.Tests.Lab;
using CorsAnalyzers.Browser.Tests.Proofs;

namespace CorsAnalyzers.Browser.Tests;

/// <summary>A policy's content (which origins it trusts): what Chromium lets the pages read before and after the repair.</summary>
public sealed class PolicyContentProofTests(BrowserLab lab) : ProofRunner(lab), IClassFixture<BrowserLab>
{
    public static TheoryData<string> Proofs => ProofCatalog.Keys(ProofCatalog.PolicyContent);

    [Theory(Timeout = ProofTimeout)]
    [MemberData(nameof(Proofs))]
    public Task Browser_ShowsTheConsequence_AndTheRepair(string proof) => ProveAsync(proof);
}
