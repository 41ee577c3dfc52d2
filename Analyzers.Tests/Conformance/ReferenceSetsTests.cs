using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>The reference sets resolve from restored packages only, and say what is missing instead of compiling without it.</summary>
public class ReferenceSetsTests
{
    [Fact]
    public async Task AspNetCore_HoldsTheCorsAssemblies()
    {
        var references = await ReferenceSets.ResolveAsync(ReferenceSets.AspNetCore);

        Assert.Contains(references, r => Path.GetFileName(r.Display) == "Microsoft.AspNetCore.Cors.dll");
    }

    [Fact]
    public async Task PlainNet_HoldsNoAspNetCoreAssembly()
    {
        var references = await ReferenceSets.ResolveAsync(ReferenceSets.PlainNet);

        Assert.Contains(references, r => Path.GetFileName(r.Display) == "System.Runtime.dll");
        Assert.DoesNotContain(references, r => Path.GetFileName(r.Display)!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NetStandard20_WithTheAspNetCore2Libraries_LacksTrimEntries()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NetStandardProject",
            references: (await ReferenceSets.ResolveAsync(ReferenceSets.NetStandard20)).AddRange(ReferenceSets.AspNetCore2Libraries));

        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration"));
        var splitOptions = compilation.GetTypeByMetadataName("System.StringSplitOptions");
        Assert.NotNull(splitOptions);
        Assert.Empty(splitOptions!.GetMembers("TrimEntries"));
    }

    [Fact]
    public async Task ASetWithAPackageRestoreDidNotBring_FailsNamingThePackage()
    {
        var notRestored = ReferenceSets.PlainNet.AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.Cors", "1.0.0")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReferenceSets.ResolveAsync(notRestored));

        Assert.Contains("Microsoft.AspNetCore.Cors 1.0.0", error.Message);
        Assert.Contains("PackageDownload", error.Message);
    }
}
