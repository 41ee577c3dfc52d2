using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// A folder feed that serves the package this build of the solution packed (Analyzers.Package packs on build), and a
/// package folder of its own, so that what restores is that package and not one from an earlier run.
/// </summary>
public sealed partial class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "cors-consumer-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);

        var built = typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageDirectory").Value!;
        var package = Directory.GetFiles(built, "CorsAnalyzers.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
        File.Copy(package, Path.Combine(Feed, Path.GetFileName(package)));
        Version = VersionPattern().Match(Path.GetFileName(package)).Groups[1].Value;
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    /// <summary>A nuget.config in <paramref name="directory"/>: CorsAnalyzers from this feed, everything else from the usual source.</summary>
    public void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="CorsAnalyzers" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex(@"^CorsAnalyzers\.(.+)\.nupkg$")]
    private static partial Regex VersionPattern();
}
