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
        var withAnalyzers = compilation.WithAnalyzers(
            [.. TestCompilations.AllAnalyzers],
            new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
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

    [Fact]
    public async Task WithCorsTypes_AnalyzersRegisterActions()
    {
        var compilation = await TestCompilations.CreateAsync(new[] { OrdinaryCode });
        var withAnalyzers = compilation.WithAnalyzers(
            [.. TestCompilations.AllAnalyzers],
            new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        foreach (var analyzer in TestCompilations.AllAnalyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.True(telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.CompilationEndActionsCount > 0, analyzer.GetType().Name);
        }
    }
}
