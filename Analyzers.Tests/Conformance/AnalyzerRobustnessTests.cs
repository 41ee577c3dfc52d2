using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>The analyzers never throw: not on empty files, not on code that is being typed.</summary>
public sealed class AnalyzerRobustnessTests
{
    /// <summary>A startup file with CORS in many shapes; truncated at many points it stands for code being typed.</summary>
    private const string CorsProgram = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        const string Any = "*";
        string[] origins = ["https://app.contoso.com", Any];
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Open", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowCredentials());
            options.AddDefaultPolicy(policy =>
            {
                if (builder.Environment.IsDevelopment()) { policy.WithOrigins(Any); return; }
                policy.WithOrigins(origins).WithSession().SetIsOriginAllowed(o => o.EndsWith(".contoso.com"));
                switch (origins.Length) { case 1: policy.AllowCredentials(); break; default: policy.DisallowCredentials(); break; }
            });
            options.AddPolicy("Group", Configure);
        });
        var local = new CorsPolicyBuilder("*");
        local.AllowCredentials();
        var app = builder.Build();
        app.UseCors(p => p.WithOrigins(new[] { "*" }).AllowCredentials());
        app.MapGet("/", () => "ok").RequireCors(p => p?.AllowAnyOrigin());
        app.Run();

        static void Configure(CorsPolicyBuilder b) { foreach (var o in new[] { "a" }) b.WithOrigins(o); b.AllowCredentials(); }

        static class Helpers
        {
            public static CorsPolicyBuilder WithSession(this CorsPolicyBuilder b) => b.AllowCredentials().WithSession();
        }
        """;

    public static IEnumerable<object[]> HalfTypedSources() => new[]
    {
        new object[] { "" },
        new object[] { "builder.Services.AddCors(o => o.AddPolicy(\"x\", p => p.AllowAnyOrigin().AllowCredentials(" },
        new object[] { "builder.Services.AddCors(o => o.AddPolicy(\"x\", p => p." },
        new object[] { "var app = WebApplication.Create(); app.UseCors(p => p.WithOrigins(" },
        new object[] { "var app = WebApplication.Create(); app.UseCors(p => p.WithOrigins(null!).AllowCredentials());" },
        new object[] { "var app = WebApplication.Create(); app.UseCors(Missing);" },
        new object[] { "var p = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder(" },
        new object[] { "var p = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder(new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy()).AllowCredentials();" },
        new object[] { "class C { void M(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder b) => b.AllowAnyOrigin().AllowCredentials(; }" },
        new object[] { "static void R(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder b) => R(b); WebApplication.Create().UseCors(R);" },
        new object[] { "WebApplication.Create().UseCors(p => { p.WithOrigins(X); p.AllowCredentials(); });" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetIsOriginAllowed(o => o.EndsWith(" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetIsOriginAllowed(o => System.Text.RegularExpressions.Regex.IsMatch(o, " },
        new object[] { "WebApplication.Create().UseCors(p => p.SetIsOriginAllowed(o => new Uri(o).Host.EndsWith(\"contoso.com\"" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetIsOriginAllowed(Missing).AllowCredentials());" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetIsOriginAllowed(o => { return; }).AllowCredentials());" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetPreflightMaxAge(TimeSpan.FromDays(" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetPreflightMaxAge(new TimeSpan(1, 2, 3, 4, 5, 6)));" },
        new object[] { "WebApplication.Create().UseCors(p => p.SetPreflightMaxAge(TimeSpan.FromDays(1e300)));" },
        new object[] { "WebApplication.Create().UseCors(p => p.WithOrigins(\"https://*.\", \"://\", \"https://\", \" \", \"http://[\", \"\"));" },
        new object[] { "WebApplication.Create().UseCors(p => p.WithOrigins([.. args, \"null\"]).AllowCredentials());" },
        new object[] { "if (WebApplication.Create().Environment.IsDevelopment(" },
        new object[] { "#if DEBUG\nWebApplication.Create().UseCors(p => p.AllowAnyOrigin());\n#elif\n#else\n#endif\n#endif" },
    };

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task HalfTypedSource_NoAnalyzerException(string source)
    {
        var compilation = await TestCompilations.CreateAsync(new[] { source });
        var (_, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task EveryPrefixOfACorsProgram_NoAnalyzerException()
    {
        var failures = new List<string>();
        for (var cut = 0; cut <= CorsProgram.Length; cut += 9)
        {
            var compilation = await TestCompilations.CreateAsync(new[] { CorsProgram[..cut] });
            var (_, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
            failures.AddRange(exceptions.Select(e => $"cut {cut}: {e}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task FullCorsProgram_ReportsAndDoesNotThrow()
    {
        var compilation = await TestCompilations.CreateAsync(new[] { CorsProgram });
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        Assert.Empty(exceptions);

        // "Open", the creation with "*", UseCors(WithOrigins(new[] { "*" })); the helper-built default policy is safe. Each
        // finding is on the call that allows any origin, in the statement that builds that policy.
        var found = diagnostics.Where(d => d.Id == DiagnosticIds.AnyOriginWithCredentials)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (Statement: StatementAt(d.Location), Reported: d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)))
            .ToArray();
        Assert.Equal(
            new[]
            {
                ("options.AddPolicy(\"Open\", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowCredentials());", "AllowAnyOrigin()"),
                ("var local = new CorsPolicyBuilder(\"*\");", "new CorsPolicyBuilder(\"*\")"),
                ("app.UseCors(p => p.WithOrigins(new[] { \"*\" }).AllowCredentials());", "WithOrigins(new[] { \"*\" })"),
            },
            found);
    }

    [Fact]
    public async Task SameCompilationAnalyzedConcurrently_GivesIdenticalDiagnostics()
    {
        var compilation = await TestCompilations.CreateAsync(new[] { CorsProgram });
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers)));
        var first = Describe(runs[0].Diagnostics);
        Assert.NotEmpty(first);
        Assert.All(runs, run => Assert.Equal(first, Describe(run.Diagnostics)));
    }

    /// <summary>The whole line the location starts on, trimmed: the statement of <see cref="CorsProgram"/> written there.</summary>
    private static string StatementAt(Location location)
    {
        var text = location.SourceTree!.GetText();
        return text.Lines[location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}").OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
}
