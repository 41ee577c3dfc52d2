using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// CORS026 and CORS030 on code being typed: every prefix of a program that holds their mistakes (parses of the origin in
/// lambdas, blocks and method groups; any-origin fallbacks in branches, early exits and after <c>??</c>) is analyzed,
/// and every fix offered is computed, without an exception.
/// </summary>
public sealed class OriginFallbackTypingTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.SetIsOriginAllowed(x => new Uri(x).Host == "localhost" || new Uri(x).Host.EndsWith(".contoso.com")));
            o.AddPolicy("b", p => p.SetIsOriginAllowed(x => { var uri = new Uri(x); return uri.IsLoopback; }));
            o.AddPolicy("c", p => p.SetIsOriginAllowed(Checks.IsInternal));
            o.AddPolicy("d", p => { if (origins == null || origins.Length == 0) p.AllowAnyOrigin(); else p.WithOrigins(origins); });
            o.AddPolicy("e", p => { if (origins is { Length: > 0 }) { p.WithOrigins(origins); return; } p.SetIsOriginAllowed(_ => true); });
            o.AddPolicy("f", p => p.WithOrigins(origins ?? new[] { "*" }));
            o.AddPolicy("g", p => p.WithOrigins((builder.Configuration["Cors:Origins"] ?? "*").Split(',', StringSplitOptions.TrimEntries)));
        });
        var app = builder.Build();
        app.UseCors("a");
        app.Run();

        static class Checks
        {
            public static bool IsInternal(string origin) => new Uri(origin).Host.EndsWith(".corp.contoso.com");
        }
        """;

    [Fact]
    public async Task FullProgram_ReportsEachRule()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(Program);
        Assert.Empty(failures);
        Assert.Equal(3, diagnostics.Count(d => d.Id == DiagnosticIds.OriginCheckThrowsOnNull));
        Assert.Equal(4, diagnostics.Count(d => d.Id == DiagnosticIds.AnyOriginFallback));
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(
            Program, step: 13, id => id is DiagnosticIds.OriginCheckThrowsOnNull or DiagnosticIds.AnyOriginFallback));
}
