using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// The README's install commands, run as written by a new user: pack in a fresh copy of the repository (no earlier
/// build), then add the package to an app from that folder; the app's build must then show the analyzers at work.
/// </summary>
public sealed partial class ReadmeInstallTests : IDisposable
{
    private const string ClonePlaceholder = "/path/to/CorsAnalyzers";

    private static readonly string[] NotCopied = ["bin", "obj", "artifacts", ".git", "TestResults"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cors-readme-install-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void InstallCommands_PackOnAFreshCopy_AndAddToAnApp_ReportFindingsInItsBuild()
    {
        var commands = InstallCommands();
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("dotnet pack ", commands[0], StringComparison.Ordinal);
        Assert.StartsWith("dotnet add package CorsAnalyzers --source ", commands[1], StringComparison.Ordinal);
        Assert.Contains(ClonePlaceholder, commands[1], StringComparison.Ordinal);

        var clone = Path.Combine(_root, "CorsAnalyzers");
        CopyRepository(DotNetProcess.RepositoryRoot(), clone);
        var pack = DotNetProcess.Run(clone, null, Arguments(commands[0]));
        Assert.True(pack.ExitCode == 0, "README pack command failed on a fresh copy:\n" + pack.Output);

        var app = Path.Combine(_root, "MyApp");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "MyApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy.WithOrigins("https://app.contoso.com/")));
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();
            """);

        // A package folder of its own, so the package restored is the one just packed and not an earlier one.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        var add = DotNetProcess.Run(app, environment, Arguments(commands[1].Replace(ClonePlaceholder, clone, StringComparison.Ordinal)));
        Assert.True(add.ExitCode == 0, "README add-package command failed:\n" + add.Output);

        var build = DotNetProcess.Run(app, environment, "build", "--no-restore", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning CORS007", build.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build process may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The commands of the first shell block under the README's "Install" heading, without comments.</summary>
    private static List<string> InstallCommands()
    {
        var readme = File.ReadAllText(Path.Combine(DotNetProcess.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("\n## Install", StringComparison.Ordinal)..];
        var block = FirstShellBlock().Match(section);
        Assert.True(block.Success, "README's Install section has no sh block");
        return block.Groups[1].Value.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }

    private static string[] Arguments(string command) =>
        command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

    /// <summary>The sources as a fresh clone has them: no build output from this run.</summary>
    private static void CopyRepository(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!NotCopied.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                CopyRepository(directory, Path.Combine(to, name));
            }
        }
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstShellBlock();
}
