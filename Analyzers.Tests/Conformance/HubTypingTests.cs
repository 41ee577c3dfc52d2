using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// CORS029 on code being typed: every prefix of a program that maps hubs behind policies of every shape the rule reads
/// (named, default, inline, attribute, middleware) is analyzed, and every fix offered is computed, without an exception.
/// </summary>
public sealed class HubTypingTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.SignalR;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        builder.Services.AddCors(o =>
        {
            o.AddDefaultPolicy(p => p.WithOrigins("https://app.example").AllowAnyHeader());
            o.AddPolicy(Names.Hub, p => p
                .SetIsOriginAllowed(x => x == "https://a.example" || x == "https://b.example")
                .AllowAnyMethod());
            o.AddPolicy("block", p => { p.WithOrigins("https://c.example"); p.WithHeaders("x-id"); });
        });
        var app = builder.Build();
        app.UseCors();
        app.MapHub<ChatHub>("/chat").RequireCors(Names.Hub);
        app.MapHub<NewsHub>("/news").RequireAuthorization().RequireCors(p => p.WithOrigins("https://d.example"));
        app.UseEndpoints(e => e.MapHub<AdminHub>("/admin"));
        app.MapHub<BlockHub>("/block", o => o.AllowStatefulReconnects = true);
        app.Run();

        public class ChatHub : Hub { }
        public class NewsHub : Hub<INews> { }
        public interface INews { Task Post(string text); }
        [EnableCors("block")]
        public class BlockHub : Hub { }
        public class AdminHub : Hub { }

        static class Names
        {
            public const string Hub = "hub";
        }
        """;

    [Fact]
    public async Task FullProgram_ReportsEachHub()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(Program);
        Assert.Empty(failures);
        var hubs = diagnostics.Where(d => d.Id == DiagnosticIds.HubWithoutCredentials).ToList();
        Assert.Equal(4, hubs.Count);
        Assert.Equal(3, hubs.Count(d => d.Severity == DiagnosticSeverity.Warning));
        Assert.Single(hubs, d => d.Severity == DiagnosticSeverity.Info && d.GetMessage().Contains("'AdminHub'"));
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(Program, step: 7, id => id == DiagnosticIds.HubWithoutCredentials));
}
