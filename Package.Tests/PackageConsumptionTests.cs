using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Package.Tests;

/// <summary>The package as users meet it: installed from a feed into a web project and run by dotnet build, format and SARIF.</summary>
public sealed partial class PackageConsumptionTests(ConsumerProject consumer) : IClassFixture<ConsumerProject>
{
    private const string Mistakes = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("spa", policy => policy
                .WithOrigins("https://app.contoso.com/")
                .AllowAnyHeader());
            options.AddPolicy("open", policy => policy.AllowAnyOrigin().AllowCredentials());
        });
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseCors(policy => policy.WithOrigins("null"));
        }

        app.UseCors("spa");
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    private const string OnlyTrailingSlash = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy.WithOrigins("https://app.contoso.com/")));
        var app = builder.Build();
        app.UseCors("spa");
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    private const string ConfiguredOrigins = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy
            .WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
        var app = builder.Build();
        app.UseCors("spa");
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public void AppSettingsValue_ReportedWithJsonFileAndLine_InBuildAndSarif()
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram(ConfiguredOrigins);
        consumer.WriteSettings("""
            {
              "AllowedHosts": "*",
              "Cors": {
                "AllowedOrigins": [ "https://app.contoso.com/" ]
              }
            }
            """);
        try
        {
            var sarif = Path.Combine(consumer.Root, "settings.sarif");
            var (_, output) = consumer.Build($"-p:ErrorLog={sarif}%2Cversion=2.1");
            Assert.True(Regex.IsMatch(output, @"appsettings\.json\(4,25\): warning CORS007: Origin 'https://app\.contoso\.com/' \(appsettings\.json, Cors:AllowedOrigins:0\) never matches"), output);

            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            var result = Assert.Single(
                document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
                r => r.GetProperty("ruleId").GetString() == "CORS007");
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("appsettings.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());

            var optedOut = consumer.Build("-p:CorsAnalyzersCheckAppSettings=false");
            Assert.True(optedOut.ExitCode == 0, optedOut.Output);
            Assert.DoesNotContain("CORS007", optedOut.Output);
        }
        finally
        {
            consumer.WriteSettings(null);
        }
    }

    [Fact]
    public void Package_HasAnalyzersPresetsAndMetadata()
    {
        var package = Directory.GetFiles(consumer.Feed, "*.nupkg").Single();
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/CorsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CorsAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/CorsAnalyzers.props", entries);
        Assert.Contains("config/CorsAnalyzers.Strict.globalconfig", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Contains("<readme>README.md</readme>", text);
        Assert.Contains("<repository type=\"git\"", text);
        Assert.Contains("<releaseNotes>", text);
        Assert.Contains("<tags>", text);
        Assert.DoesNotContain("<dependencies>", text.Replace("<dependencies />", string.Empty));
    }

    [Fact]
    public void Build_PrintsDiagnosticsWithFileAndLine()
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram(Mistakes);
        var (exitCode, output) = consumer.Build();

        // CORS001 is an error: the build fails, and says where.
        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(output, @"Program\.cs\(7,48\): error CORS001: This policy allows any origin \(AllowAnyOrigin\(\)\)"), output);
        Assert.True(Regex.IsMatch(output, @"Program\.cs\(5,22\): warning CORS007: Origin 'https://app\.contoso\.com/' never matches"), output);
        Assert.DoesNotContain("CORS005", output);
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void WarningsAsErrors_FailsBuild()
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram(OnlyTrailingSlash);
        var plain = consumer.Build();
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Contains("warning CORS007", plain.Output);

        var strict = consumer.Build("-warnaserror");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error CORS007", strict.Output);
    }

    [Fact]
    public void ErrorLog_WritesSarifWithRuleIdsHelpUrisAndLocations()
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram(Mistakes);
        var sarif = Path.Combine(consumer.Root, "out.sarif");
        consumer.Build($"-p:ErrorLog={sarif}%2Cversion=2.1");

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("CORS", System.StringComparison.Ordinal)).ToList();
        var cors007 = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "CORS007");
        var location = cors007.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "CORS001" && r.GetProperty("level").GetString() == "error");

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("CORS", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "CORS007"
            && r.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/CORS007.md", System.StringComparison.Ordinal));
    }

    [Fact]
    public void EditorConfig_SilencesRuleAndReportsInDevelopment()
    {
        consumer.WriteProgram(Mistakes);
        consumer.WriteEditorConfig("dotnet_diagnostic.CORS007.severity = none\ncors_analyzers.report_in_development = true\n");
        var (_, output) = consumer.Build();
        Assert.DoesNotContain("CORS007", output);
        Assert.True(Regex.IsMatch(output, @"Program\.cs\(12,46\): warning CORS005"), output);
        Assert.Contains("error CORS001", output);
    }

    [Theory]
    [InlineData("Strict")]
    [InlineData("None")]
    [InlineData("Default")]
    public void Preset_ChangesSeverities(string mode)
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.UseCors(policy => policy.AllowAnyOrigin().WithMethods("GET"));
            app.UseCors(policy => policy.WithOrigins("https://app.contoso.com", "null"));
            app.Run();
            """);
        var (_, output) = consumer.Build($"-p:CorsAnalyzersMode={mode}");
        switch (mode)
        {
            case "Strict":
                Assert.Contains("warning CORS003", output);
                Assert.Contains("error CORS005", output);
                break;
            case "None":
                Assert.DoesNotMatch(CorsDiagnostic(), output);
                break;
            default:
                Assert.DoesNotContain("CORS003", output);
                Assert.Contains("warning CORS005", output);
                break;
        }
    }

    [Fact]
    public void DotnetFormat_AppliesCodeFixesOnDisk()
    {
        consumer.WriteEditorConfig(null);
        consumer.WriteProgram(OnlyTrailingSlash);
        var format = consumer.Dotnet("format", "analyzers", consumer.ProjectFile, "--diagnostics", "CORS007", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Output);

        var fixedSource = File.ReadAllText(Path.Combine(consumer.Directory, "Program.cs"));
        Assert.Contains("policy.WithOrigins(\"https://app.contoso.com\")", fixedSource);
        var build = consumer.Build("-warnaserror");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotMatch(CorsDiagnostic(), build.Output);
    }

    [GeneratedRegex(@"(warning|error|info) CORS\d{3}")]
    private static partial Regex CorsDiagnostic();
}
