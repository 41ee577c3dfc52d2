using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// The generated code bases written to disk as web projects with our analyzer, built with <c>dotnet build
/// -p:ReportAnalyzer=true</c>: our time, the SDK's NetAnalyzers and all analyzers as the compiler reports them, next to
/// the Csc task's time from MSBuild's performance summary. Each project is built both ways the compiler runs: through the
/// compiler server, as <c>dotnet build</c> does by default (the server keeps the analyzer loaded and its code compiled
/// between builds), and in a fresh compiler process per build (<c>UseSharedCompilation=false</c>), where every build
/// pays for the first run of the analyzer's code.
/// </summary>
internal static class RealBuild
{
    public static void Run(int files, int builds)
    {
        var analyzer = typeof(CorsAnalyzers.DiagnosticIds).Assembly.Location;
        var root = Path.Combine(Path.GetTempPath(), "cors-bench-build-" + Guid.NewGuid().ToString("N"));
        var projects = new[]
        {
            ("web project without CORS code", Write(Path.Combine(root, "WebWithoutCors"), SolutionGenerator.GenerateWebWithoutCors(files), analyzer)),
            ("CORS in every startup file", Write(Path.Combine(root, "WithCors"), SolutionGenerator.Generate(files, withCors: true), analyzer)),
        };

        var compilers = new[]
        {
            ("compiler server (default)", true),
            ("fresh process per build", false),
        };

        Console.WriteLine($"Real builds ({files} files, {builds} build(s) each after a restore and a warm-up build; dotnet build -p:ReportAnalyzer=true --no-incremental):");
        Console.WriteLine();
        Console.WriteLine("| project | compiler | build | Csc task | all analyzers | NetAnalyzers | CorsAnalyzers | CorsAnalyzers / Csc | CorsAnalyzers / NetAnalyzers |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, directory) in projects)
        {
            Dotnet(directory, "restore");
            foreach (var (compiler, shared) in compilers)
            {
                // A server started by another build may hold other analyzers' code warm: every mode starts from none.
                Dotnet(directory, "build-server", "shutdown");
                Build(directory, shared);
                for (var i = 1; i <= builds; i++)
                {
                    var report = Build(directory, shared);
                    Console.WriteLine(
                        $"| {name} | {compiler} | {i} | {report.CscMs:0} ms | {report.AllAnalyzersMs:0} ms | {report.NetAnalyzersMs:0} ms | {report.OursMs:0} ms | "
                        + $"{report.OursMs / report.CscMs * 100:0.000} % | {report.OursMs / report.NetAnalyzersMs * 100:0.0} % |");
                }
            }
        }

        Dotnet(root, "build-server", "shutdown");
        Directory.Delete(root, recursive: true);
    }

    private static string Write(string directory, List<(string Path, string Text)> sources, string analyzer)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ReportAnalyzer>true</ReportAnalyzer>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzer}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, text) in sources)
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        return directory;
    }

    private static BuildReport Build(string directory, bool sharedCompilation)
    {
        var log = Dotnet(
            directory, "build", "-c", "Release", "--no-restore", "--no-incremental", "-v:d", "-clp:PerformanceSummary",
            "-p:UseSharedCompilation=" + (sharedCompilation ? "true" : "false"));
        return new BuildReport(
            Milliseconds(log, @"^\s*(\d+) ms\s+Csc\s+\d+ calls", 1),
            Milliseconds(log, @"Total analyzer execution time: ([\d.]+) seconds", 1000),
            Milliseconds(log, @"^\s*([\d.]+)\s+\S+\s+Microsoft\.CodeAnalysis\.CSharp\.NetAnalyzers, Version", 1000)
                + Milliseconds(log, @"^\s*([\d.]+)\s+\S+\s+Microsoft\.CodeAnalysis\.NetAnalyzers, Version", 1000),
            Milliseconds(log, @"^\s*([\d.]+)\s+\S+\s+CorsAnalyzers, Version", 1000));
    }

    private static double Milliseconds(string log, string pattern, double scale)
    {
        var match = Regex.Match(log, pattern, RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * scale : double.NaN;
    }

    private static string Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + error.Result;
    }

    private sealed record BuildReport(double CscMs, double AllAnalyzersMs, double NetAnalyzersMs, double OursMs);
}
