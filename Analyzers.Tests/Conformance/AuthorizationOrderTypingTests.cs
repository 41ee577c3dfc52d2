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

    /// <summary>The only requirements are on route groups, one of them built in an endpoint extension the app calls.</summary>
    private const string GroupProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins("https://a.example")));
        var app = builder.Build();
        app.UseCors("a");
        var manage = app.MapGroup("/manage").RequireAuthorization();
        manage.MapGet("/r", () => "ok");
        app.MapAccount();
        app.Run();

        static class AccountEndpoints
        {
            public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
            {
                var account = endpoints.MapGroup("/account");
                account.MapGroup("/settings").RequireAuthorization("admin").MapPut("/email", () => "ok");
                return endpoints;
            }
        }
        """;

    [Fact]
    public async Task GroupProgram_ReportsUseCors()
    {
        var (_, diagnostics, failures) = await SilentFailureTypingTests.AnalyzeAsync(GroupProgram);
        Assert.Empty(failures);
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AuthorizationBeforeCors);
    }

    [Fact]
    public async Task GroupProgramEveryPrefix_NoAnalyzerOrFixException() =>
        Assert.Empty(await SilentFailureTypingTests.TypingFailuresAsync(GroupProgram, step: 7, id => id == DiagnosticIds.AuthorizationBeforeCors));
}
