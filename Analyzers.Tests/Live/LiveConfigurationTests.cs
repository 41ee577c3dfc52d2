using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using static CorsAnalyzers.Tests.Live.LiveApp;
using static CorsAnalyzers.Tests.Live.LiveChecks;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// The configuration rules on a real Kestrel server whose host reads a real appsettings.json from its content root:
/// the flagged app misbehaves as the message says, and the fixed app (or the fixed JSON value) works.
/// </summary>
public sealed class LiveConfigurationTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("cors-live-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public async Task CORS019_GetValueArrayWithFallback_AllowsNoOrigin_FixedAppAllowsTheConfiguredOne()
    {
        WriteSettings($$"""{ "Cors": { "AllowedOrigins": [ "{{AppOrigin}}" ] } }""");
        var source = App("""p.WithOrigins(builder.Configuration.GetValue<string[]>("Cors:AllowedOrigins") ?? [])""");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.ConfigurationArrayReadWithGetValue, ConfigurationArrayReadWithGetValueCodeFixProvider.BindSectionKey, _contentRoot);

        await using (var before = await StartAsync(source, contentRoot: _contentRoot))
        {
            await AssertRefusedAsync(before, AppOrigin);
        }

        await using var after = await StartAsync(fixedSource, contentRoot: _contentRoot);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS019_GetValueArrayWithoutFallback_AppFailsToStart_FixedAppStarts()
    {
        WriteSettings($$"""{ "Cors": { "AllowedOrigins": [ "{{AppOrigin}}" ] } }""");
        var source = App("""p.WithOrigins(builder.Configuration.GetValue<string[]>("Cors:AllowedOrigins")!)""");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.ConfigurationArrayReadWithGetValue, ConfigurationArrayReadWithGetValueCodeFixProvider.BindSectionKey, _contentRoot);

        await using (var before = await StartAsync(source, contentRoot: _contentRoot))
        {
            Assert.IsType<ArgumentNullException>(before.StartupException);
        }

        await using var after = await StartAsync(fixedSource, contentRoot: _contentRoot);
        await AssertAllowedAsync(after, AppOrigin);
    }

    [Fact]
    public async Task CORS020_AllowedHostsAsOrigins_AllowsEveryOrigin_FixedAppReadsItsOwnKey()
    {
        WriteSettings($$"""{ "AllowedHosts": "*", "Cors": { "AllowedOrigins": [ "{{AppOrigin}}" ] } }""");
        var source = App("""p.WithOrigins(builder.Configuration["AllowedHosts"]!)""");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.AllowedHostsAsOrigins, AllowedHostsAsOriginsCodeFixProvider.ReadDedicatedKeyKey, _contentRoot);

        await using (var before = await StartAsync(source, contentRoot: _contentRoot))
        {
            var evil = await before.GetAsync("/r", EvilOrigin);
            Assert.True(evil.AllowOrigin == "*", evil.ToString());
        }

        await using var after = await StartAsync(fixedSource, contentRoot: _contentRoot);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS007_UntrimmedSplit_SecondOriginNeverMatches_FixedSplitAllowsBoth()
    {
        const string other = "https://other.example";
        WriteSettings($$"""{ "Cors": { "Origins": "{{other}}, {{AppOrigin}}" } }""");
        var source = App("""p.WithOrigins(builder.Configuration["Cors:Origins"]!.Split(','))""");
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.OriginNeverMatches, OriginNeverMatchesSplitEntriesCodeFixProvider.TrimEntriesKey, _contentRoot);

        await using (var before = await StartAsync(source, contentRoot: _contentRoot))
        {
            await AssertAllowedAsync(before, other);
            await AssertRefusedAsync(before, AppOrigin);
        }

        await using var after = await StartAsync(fixedSource, contentRoot: _contentRoot);
        await AssertAllowedAsync(after, other);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS007_TrailingSlashInAppSettings_NeverMatches_ValueTheMessageNamesWorks()
    {
        WriteSettings($$"""
            {
              // The origin of the single-page app.
              "Cors": { "AllowedOrigins": [ "{{AppOrigin}}/", ] },
            }
            """);
        var source = App("""p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])""");
        var finding = Assert.Single(await AnalyzeAsync(source, _contentRoot), d => d.Id == DiagnosticIds.OriginNeverMatches);
        Assert.Equal(Path.Combine(_contentRoot, "appsettings.json"), finding.Location.GetLineSpan().Path);
        Assert.Equal(2, finding.Location.GetLineSpan().StartLinePosition.Line);

        await using (var before = await StartAsync(source, contentRoot: _contentRoot))
        {
            await AssertRefusedAsync(before, AppOrigin);
        }

        // No code fix edits JSON: write the origin the diagnostic names where it points, as a person would.
        var text = File.ReadAllText(Path.Combine(_contentRoot, "appsettings.json"));
        var span = finding.Location.SourceSpan;
        WriteSettings(text.Substring(0, span.Start) + "\"" + finding.Properties[DiagnosticProperties.BrowserOrigin] + "\"" + text.Substring(span.End));
        Assert.DoesNotContain(await AnalyzeAsync(source, _contentRoot), d => d.Id.StartsWith("CORS", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);

        await using var after = await StartAsync(source, contentRoot: _contentRoot);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    private void WriteSettings(string json) => File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), json);

    private static string App(string policy) => $$"""
        public static class App
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                builder.Services.AddCors(o => o.AddDefaultPolicy(p => {{policy}}.AllowAnyHeader().AllowAnyMethod()));
            }

            public static void Configure(WebApplication app)
            {
                app.UseCors();
                app.MapGet("/r", () => "ok");
                app.MapPut("/r", () => "ok");
            }
        }
        """;
}
