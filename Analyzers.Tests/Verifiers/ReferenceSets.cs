using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests;

/// <summary>The version of the ASP.NET Core reference packages that restore downloads for the tests.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ReferencePackageVersionAttribute(string version) : Attribute
{
    public string Version { get; } = version;
}

/// <summary>Where restore put the packages the tests compile against (the project's <c>NuGetPackageRoot</c>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RestoredPackagesAttribute(string root) : Attribute
{
    public string Root { get; } = root;
}

/// <summary>
/// Every reference set the tests compile snippets against, in one place. Each set's packages come from the test
/// project's restore (<c>PackageDownload</c>), never from a download during a test, and each set is checked when it
/// is first resolved: a set that lacks an assembly it promises fails the test with a message naming the assembly and
/// the package, never with the compile errors that a silently empty set would cause.
/// </summary>
/// <remarks>
/// Why the check matters: Microsoft.CodeAnalysis.Testing fetches a package it cannot find in the global packages folder
/// into <c>$TMPDIR/test-packages</c>, and on that first download in a process it returns the package without its
/// assemblies (no error); only a later process, reading the extracted folder, sees them.
/// </remarks>
public static class ReferenceSets
{
    private static readonly string PackageVersion =
        typeof(ReferenceSets).Assembly.GetCustomAttribute<ReferencePackageVersionAttribute>()!.Version;

    private static readonly string PackagesRoot =
        typeof(ReferenceSets).Assembly.GetCustomAttribute<RestoredPackagesAttribute>()!.Root;

    /// <summary>net8.0 reference assemblies plus the ASP.NET Core shared framework, the set an ASP.NET Core 8 app compiles against.</summary>
    public static ReferenceAssemblies AspNetCore { get; } = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", PackageVersion),
            Path.Combine("ref", "net8.0"))
        .AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", PackageVersion)));

    /// <summary>Only the base class library: a project that does not use ASP.NET Core.</summary>
    public static ReferenceAssemblies PlainNet { get; } = new ReferenceAssemblies(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", PackageVersion),
        Path.Combine("ref", "net8.0"));

    /// <summary>
    /// .NET Standard 2.0 with the ASP.NET Core 2.x CORS packages, as a class library that targets netstandard2.0 sees them
    /// (no <c>StringSplitOptions.TrimEntries</c>). The framework comes from <see cref="ReferenceAssemblies.NetStandard"/>;
    /// the packages' own assemblies are read from the restored packages folder.
    /// </summary>
    public static ReferenceAssemblies NetStandard20 => ReferenceAssemblies.NetStandard.NetStandard20;

    /// <summary>The assemblies of the ASP.NET Core 2.x packages that <see cref="NetStandard20"/> compiles with (see the test project's PackageDownload items).</summary>
    public static ImmutableArray<MetadataReference> AspNetCore2Libraries => LazyAspNetCore2Libraries.Value;

    private static readonly (string Id, string Version, string Assembly)[] AspNetCore2Packages =
    [
        ("Microsoft.AspNetCore.Cors", "2.3.13", "Microsoft.AspNetCore.Cors"),
        ("Microsoft.AspNetCore.Http.Abstractions", "2.3.14", "Microsoft.AspNetCore.Http.Abstractions"),
        ("Microsoft.AspNetCore.Http.Features", "2.3.14", "Microsoft.AspNetCore.Http.Features"),
        ("Microsoft.AspNetCore.Http.Extensions", "2.3.13", "Microsoft.AspNetCore.Http.Extensions"),
        ("Microsoft.Net.Http.Headers", "2.3.13", "Microsoft.Net.Http.Headers"),
        ("Microsoft.Extensions.Configuration.Abstractions", "2.1.0", "Microsoft.Extensions.Configuration.Abstractions"),
        ("Microsoft.Extensions.Configuration.Binder", "2.1.0", "Microsoft.Extensions.Configuration.Binder"),
        ("Microsoft.Extensions.Primitives", "2.1.0", "Microsoft.Extensions.Primitives"),
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAspNetCore2Libraries = new(() => AspNetCore2Packages
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(RestoredAssembly(p.Id, p.Version, "lib/netstandard2.0", p.Assembly)))
        .ToImmutableArray());

    /// <summary>The assemblies each set must hold once resolved; a set missing one is reported, not compiled against.</summary>
    private static readonly Dictionary<ReferenceAssemblies, string[]> Promised = new()
    {
        [AspNetCore] = ["System.Runtime", "Microsoft.AspNetCore.Cors", "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.Extensions.Configuration.Abstractions"],
        [PlainNet] = ["System.Runtime"],
        [NetStandard20] = ["netstandard"],
    };

    private static readonly Dictionary<ReferenceAssemblies, Task<ImmutableArray<MetadataReference>>> Resolved = new();

    /// <summary>
    /// The references of <paramref name="set"/>, resolved once per test run and checked against what the set promises.
    /// Throws with the resolver's own exception when resolution fails, and names what is missing when it returns a set
    /// without a promised assembly.
    /// </summary>
    public static Task<ImmutableArray<MetadataReference>> ResolveAsync(ReferenceAssemblies set)
    {
        lock (Resolved)
        {
            if (!Resolved.TryGetValue(set, out var task))
            {
                task = ResolveAndCheckAsync(set);
                Resolved[set] = task;
            }

            return task;
        }
    }

    private static async Task<ImmutableArray<MetadataReference>> ResolveAndCheckAsync(ReferenceAssemblies set)
    {
        foreach (var package in PackagesOf(set))
        {
            RequireRestored(package.Id, package.Version);
        }

        var references = await set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var names = new HashSet<string>(
            references.Select(r => Path.GetFileNameWithoutExtension(r.Display ?? string.Empty)),
            StringComparer.OrdinalIgnoreCase);
        var missing = (Promised.TryGetValue(set, out var promised) ? promised : []).Where(a => !names.Contains(a)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The reference set {Describe(set)} resolved without {string.Join(", ", missing)} ({references.Length} references). "
                + "Its packages must come from the test project's restore (PackageDownload) into " + PackagesRoot + ".");
        }

        return references;
    }

    /// <summary>Checks the sets a test state uses (its own and its additional projects') before the test compiles anything.</summary>
    public static async Task EnsureResolvedAsync(SolutionState state)
    {
        var sets = new List<ReferenceAssemblies?> { state.ReferenceAssemblies };
        sets.AddRange(state.AdditionalProjects.Values.Select(p => p.ReferenceAssemblies));
        foreach (var set in sets.OfType<ReferenceAssemblies>().Distinct())
        {
            await ResolveAsync(set);
        }
    }

    private static string RestoredAssembly(string id, string version, string folder, string assembly)
    {
        var path = Path.Combine(RequireRestored(id, version), folder, assembly + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The restored package {id} {version} has no {folder}/{assembly}.dll ({path}).");
        }

        return path;
    }

    private static string RequireRestored(string id, string version)
    {
        var folder = Path.Combine(PackagesRoot, id.ToLowerInvariant(), version.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The package {id} {version} is not in the restored packages folder ({folder}): add it to the test project's "
                + "PackageDownload items and run dotnet restore.");
        }

        return folder;
    }

    /// <summary>The set's reference assembly package and its added packages.</summary>
    private static IEnumerable<PackageIdentity> PackagesOf(ReferenceAssemblies set) =>
        set.Packages.Prepend(set.ReferenceAssemblyPackage).OfType<PackageIdentity>();

    private static string Describe(ReferenceAssemblies set) =>
        $"{set.TargetFramework} ({string.Join(", ", PackagesOf(set).Select(p => p.Id + " " + p.Version))})";
}
