using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// The package's one analyzer: every rule of <see cref="RuleTable"/>, dispatched by one <see cref="CompilationAnalysis"/>
/// per compilation, so each operation is looked at once whatever the number of rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleTable.Descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Cheapest first: the reference list, then the source text.
        if (CorsKnownTypes.ReferencesCors(context.Compilation) && CorsSourceMarkers.MayHoldCors(context.Compilation, context.CancellationToken))
        {
            CompilationAnalysis.Register(context);
        }
    }
}
