using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// One fresh web project that installs the packed CorsAnalyzers package from a local feed, restored once and shared by
/// the consumption tests (which rewrite its files and rebuild it one after the other).
/// </summary>
public sealed partial class ConsumerProject : IDisposable
{
    public ConsumerProject()
    {
        Root = Path.Combine(Path.GetTempPath(), "cors-consumer-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory = Path.Combine(Root, "WebApp");
        System.IO.Directory.CreateDirectory(Feed);
        System.IO.Directory.CreateDirectory(Directory);

        // The package this build of the solution produced (Analyzers.Package packs on build).
        var built = typeof(ConsumerProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageDirectory").Value!;
        var package = System.IO.Directory.GetFiles(built, "CorsAnalyzers.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
        File.Copy(package, Path.Combine(Feed, Path.GetFileName(package)));
        Version = VersionPattern().Match(Path.GetFileName(package)).Groups[1].Value;

        File.WriteAllText(Path.Combine(Directory, "WebApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
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
        WriteProgram("var app = WebApplication.Create(args);\napp.Run();\n");
        var add = Dotnet("add", "package", "CorsAnalyzers", "--version", Version);
        Assert.True(add.ExitCode == 0, "dotnet add package failed:\n" + add.Output);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Directory { get; }

    public string Version { get; }

    public string ProjectFile => Path.Combine(Directory, "WebApp.csproj");

    public void WriteProgram(string source) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), source);

    public void WriteEditorConfig(string? content)
    {
        var path = Path.Combine(Directory, ".editorconfig");
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, "root = true\n\n[*.cs]\n" + content);
        }
    }

    /// <summary>Builds without restoring again; every build recompiles, so diagnostics always print.</summary>
    public (int ExitCode, string Output) Build(params string[] extra) =>
        Dotnet(new[] { "build", ProjectFile, "--no-restore", "--no-incremental", "-nodeReuse:false", "-clp:NoSummary" }.Concat(extra).ToArray());

    /// <summary>Runs dotnet in the consumer folder with its own package folder, so the package just built is what restores.</summary>
    public (int ExitCode, string Output) Dotnet(params string[] arguments) =>
        CorsAnalyzers.TestSupport.DotNetProcess.Run(Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages }, arguments);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex(@"^CorsAnalyzers\.(.+)\.nupkg$")]
    private static partial Regex VersionPattern();
}
