using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// CORS024, CORS027, CORS028 and CORS007's misplaced wildcards on code being typed: every prefix of a program that holds their mistakes is analyzed,
/// and every fix offered is computed, without an exception.
/// </summary>
public sealed class MalformedValueTypingTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var headers = "Content-Type, Authorization";
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.WithOrigins("https://a.example").WithMethods("GET,POST", "PUT").WithHeaders(headers).WithExposedHeaders([$"{Names.Id},X-B"]));
            o.AddPolicy("b", p => p.SetIsOriginAllowed(x => new Uri(x).Host == "b.example").AllowAnyHeader().AllowAnyOrigin());
            o.AddPolicy("c", p => { p.AllowAnyOrigin(); p.SetIsOriginAllowed(Names.IsKnown); });
            o.AddPolicy("d", p => p.WithOrigins("https://d.example", "http://localhost:*", $"https://{Names.Api}.*.example").SetIsOriginAllowedToAllowWildcardSubdomains());
        });
        var app = builder.Build();
        app.UseCors("a");
        app.Use(async (context, next) =>
        {
        #pragma warning disable CORS016
            context.Response.Headers["Access-Control-Allow-Credentials"] = true.ToString();
            context.Response.Headers.Append("Access-Control-Allow-Credentials", bool.TrueString);
            context.Response.Headers.AccessControlAllowCredentials = $"{context.User.Identity?.IsAuthenticated == true}";
            await next();
        });
        app.Run();

        static class Names
        {
            public const string Id = "X-Id";
            public const string Api = "api";

            public static bool IsKnown(string origin) => origin == "https://c.example";
        }
        """;

    private static readonly Dictionary<string, int> Expected = new()
    {
        [DiagnosticIds.CommaJoinedList] = 3,
        [DiagnosticIds.OriginCheckOverridden] = 2,
        [DiagnosticIds.CredentialsValueNotTrue] = 3,
        [DiagnosticIds.OriginNeverMatches] = 2,
    };

    [Fact]
    public async Task FullProgram_ReportsEachRule()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(Program);
        Assert.Empty(failures);
        foreach (var (id, count) in Expected)
        {
            Assert.True(count == diagnostics.Count(d => d.Id == id), $"{id}: {string.Join("; ", diagnostics.Where(d => d.Id == id))}");
        }
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(Program, step: 7, Expected.ContainsKey));
}
