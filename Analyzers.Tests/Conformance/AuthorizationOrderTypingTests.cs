using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>
/// CORS025 on code being typed: every prefix of a program whose UseCors runs after WebApplication's own authorization is
/// analyzed, and every fix offered is computed, without an exception.
/// </summary>
public sealed class AuthorizationOrderTypingTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Authorization;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("cookie").AddCookie("cookie");
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins("https://a.example").AllowCredentials()));
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseCors("a");
        }
        else
        {
            app.UseFrontEnd();
        }

        app.MapGet("/r", [Authorize] () => "ok").RequireCors("a").RequireAuthorization("admin");
        app.Run();

        static class Pipeline
        {
            public static IApplicationBuilder UseFrontEnd(this IApplicationBuilder app) => app.UseCors("a");
        }
        """;

    [Fact]
    public async Task FullProgram_ReportsEachUseCors()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(Program);
        Assert.Empty(failures);
        Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.AuthorizationBeforeCors));
    }

    [Fact]
    public async Task EveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(Program, step: 7, id => id == DiagnosticIds.AuthorizationBeforeCors));
}
