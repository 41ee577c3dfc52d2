using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// One fresh web project that installs the packed CorsAnalyzers package from a local feed, restored once and shared by
/// the consumption tests (which rewrite its files and rebuild it one after the other).
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private readonly LocalFeed _feed = new();

    public ConsumerProject()
    {
        Directory = Path.Combine(Root, "WebApp");
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "WebApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        _feed.WriteNuGetConfig(Directory);
        WriteProgram("var app = WebApplication.Create(args);\napp.Run();\n");
        var add = Dotnet("add", "package", "CorsAnalyzers", "--version", Version);
        Assert.True(add.ExitCode == 0, "dotnet add package failed:\n" + add.Output);
    }

    public string Root => _feed.Root;

    public string Feed => _feed.Feed;

    public string Packages => _feed.Packages;

    public string Directory { get; }

    public string Version => _feed.Version;

    public string ProjectFile => Path.Combine(Directory, "WebApp.csproj");

    public void WriteProgram(string source) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), source);

    /// <summary>Writes the project's appsettings.json, or deletes it when <paramref name="json"/> is null.</summary>
    public void WriteSettings(string? json)
    {
        var path = Path.Combine(Directory, "appsettings.json");
        if (json is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, json);
        }
    }

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

    public void Dispose() => _feed.Dispose();
}
