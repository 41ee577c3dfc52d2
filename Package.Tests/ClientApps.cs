using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorsAnalyzers.TestSupport;

namespace CorsAnalyzers.Package.Tests;

/// <summary>
/// The apps of <see cref="ClientAppMistakes"/> made with <c>dotnet new webapi</c> in one solution, with the package
/// installed from the local feed by <c>dotnet add package</c>. Each build writes its diagnostics, suggestions included,
/// to <c>build.sarif</c> in the app's folder.
/// </summary>
internal sealed class ClientApps
{
    private readonly LocalFeed _feed;

    private ClientApps(LocalFeed feed, string root)
    {
        _feed = feed;
        Root = root;
    }

    public string Root { get; }

    public string Solution => Path.Combine(Root, "Apps.sln");

    /// <summary>Writes the apps into <paramref name="name"/> under the feed's folder, without restoring them.</summary>
    public static ClientApps Create(LocalFeed feed, string name)
    {
        var apps = new ClientApps(feed, Path.Combine(feed.Root, name));
        System.IO.Directory.CreateDirectory(apps.Root);
        feed.WriteNuGetConfig(apps.Root);
        File.WriteAllText(Path.Combine(apps.Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <ErrorLog>$(MSBuildProjectDirectory)/build.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
            </Project>
            """);

        apps.Run("new", "sln", "--name", "Apps", "--format", "sln");
        foreach (var app in ClientAppMistakes.All)
        {
            apps.Run(new[] { "new", "webapi", "--output", app.Name, "--no-restore" }.Concat(app.Controllers ? new[] { "--use-controllers" } : new string[0]).ToArray());
            app.Write(apps.Directory(app.Name));
            apps.Run("add", apps.Project(app.Name), "package", "CorsAnalyzers", "--version", feed.Version, "--no-restore");
        }

        apps.Run(new[] { "sln", "Apps.sln", "add" }.Concat(ClientAppMistakes.All.Select(a => apps.Project(a.Name))).ToArray());
        return apps;
    }

    /// <summary>A restored copy in <paramref name="name"/> under the feed's folder, for one client to change.</summary>
    public ClientApps CopyTo(string name)
    {
        var copy = new ClientApps(_feed, Path.Combine(_feed.Root, name));
        foreach (var file in System.IO.Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Root, Path.GetRelativePath(Root, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        copy.Run("restore", "Apps.sln");
        return copy;
    }

    public string Directory(string app) => Path.Combine(Root, app);

    public string Project(string app) => Path.Combine(Root, app, app + ".csproj");

    public string Read(string app, string file) => File.ReadAllText(Path.Combine(Directory(app), file));

    /// <summary>Builds every app from scratch, so every diagnostic is reported again.</summary>
    public (int ExitCode, string Output) Build() =>
        Dotnet("build", "Apps.sln", "--no-restore", "--no-incremental", "-nodeReuse:false", "-clp:NoSummary");

    /// <summary>The CORS diagnostics (and analyzer failures) of the last build of each app, read from its SARIF log.</summary>
    public List<string> LoggedDiagnostics()
    {
        var found = new List<string>();
        foreach (var app in ClientAppMistakes.All)
        {
            using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory(app.Name), "build.sarif")));
            foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (id.StartsWith("CORS", System.StringComparison.Ordinal) || id == "AD0001")
                {
                    var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        ? locations[0].GetProperty("physicalLocation")
                        : default;
                    var where = location.ValueKind == JsonValueKind.Object
                        ? $"{Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString())}({location.GetProperty("region").GetProperty("startLine").GetInt32()})"
                        : string.Empty;
                    found.Add($"{app.Name}/{where}: {id} {result.GetProperty("message").GetProperty("text").GetString()}");
                }
            }
        }

        return found;
    }

    /// <summary>Runs dotnet in the solution folder with the feed's package folder.</summary>
    public (int ExitCode, string Output) Dotnet(params string[] arguments) =>
        DotNetProcess.Run(Root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _feed.Packages }, arguments);

    private void Run(params string[] arguments)
    {
        var (exitCode, output) = Dotnet(arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{output}");
    }
}
