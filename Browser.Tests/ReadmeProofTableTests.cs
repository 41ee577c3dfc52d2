using System.Linq;
using CorsAnalyzers.Browser.Tests.Proofs;

namespace CorsAnalyzers.Browser.Tests;

/// <summary>The README's browser proof table has one row per proof, in catalog order; each proof checks its own row's content.</summary>
public sealed class ReadmeProofTableTests
{
    [Fact]
    public void ReadmeTable_HasOneRowPerProof_InCatalogOrder()
    {
        var readmeKeys = ProofTable.ReadmeRows().Select(ProofTable.KeyOf).ToList();
        var catalogKeys = ProofCatalog.All.Select(p => p.Key).ToList();
        Assert.Equal(catalogKeys, readmeKeys);
    }
}
