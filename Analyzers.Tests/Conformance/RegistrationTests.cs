using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Conformance;

/// <summary>Analyzers cost nothing in projects that do not use ASP.NET Core CORS.</summary>
public sealed class RegistrationTests
{
    private const string OrdinaryCode = """
        public class OrderService
        {
            private readonly System.Collections.Generic.List<string> _orders = new();

            public void Add(string order) => _orders.Add(order);

            public System.Func<string, bool> Filter() => o => o.StartsWith("A");
        }
        """;

    [Fact]
    public async Task WithoutCorsTypes_AnalyzersRegisterNoActions()
    {
        var compilation = await TestCompilations.CreateAsync(new[] { OrdinaryCode }, CorsTestSetup.PlainNet);
        var withAnalyzers = WithTelemetry(compilation);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());

        foreach (var analyzer in TestCompilations.AllAnalyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
            Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
            Assert.Equal(0, telemetry.SymbolActionsCount);
            Assert.Equal(0, telemetry.CompilationEndActionsCount);
        }
    }

    /// <summary>An ASP.NET Core app with a pipeline, endpoints and its own response headers, but no CORS code.</summary>
    private const string WebAppWithoutCors = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseRouting();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Frame-Options"] = "DENY";
            context.Response.Headers.Append("Cache-Control", "no-store");
            await next();
        });
        app.MapGet("/orders", () => new[] { "a" }).RequireAuthorization();
        app.Run();
        """;

    [Fact]
    public async Task WebProjectWithoutCorsCode_AnalyzersRegisterNoActions()
    {
        var compilation = await TestCompilations.CreateAsync(new[] { OrdinaryCode, WebAppWithoutCors });
        var withAnalyzers = WithTelemetry(compilation);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());

        foreach (var analyzer in TestCompilations.AllAnalyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.SyntaxNodeActionsCount);
            Assert.Equal(0, telemetry.CompilationEndActionsCount);
        }
    }

    [Theory]
    [InlineData("builder.Services.AddCors();")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[\"ACCESS-CONTROL-ALLOW-ORIGIN\"] = \"*\"; await next(); });")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[Microsoft.Net.Http.Headers.HeaderNames.AccessControlAllowOrigin] = \"*\"; await next(); });")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[\"Access-\" + \"Control-Allow-Origin\"] = \"*\"; await next(); });")]
    public async Task WithCorsCodeInOneFile_AnalyzersRegisterActions(string corsStatement)
    {
        var program = "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n" + corsStatement + "\napp.Run();\n";
        var compilation = await TestCompilations.CreateAsync(new[] { OrdinaryCode, program });
        var withAnalyzers = WithTelemetry(compilation);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        foreach (var analyzer in TestCompilations.AllAnalyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.True(telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.CompilationEndActionsCount > 0, analyzer.GetType().Name);
        }
    }

    private static CompilationWithAnalyzers WithTelemetry(Microsoft.CodeAnalysis.Compilation compilation) =>
        compilation.WithAnalyzers(
            [.. TestCompilations.AllAnalyzers],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
}
