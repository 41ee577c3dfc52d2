using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>What a policy rule needs besides the model: reporting (once per place), options, symbols.</summary>
internal sealed class PolicyRuleContext
{
    private readonly OperationAnalysisContext _context;
    private readonly HashSet<(string Id, SyntaxTree? Tree, TextSpan Span)> _reported = new();
    private bool? _reportInDevelopment;

    public PolicyRuleContext(OperationAnalysisContext context, CorsKnownTypes types)
    {
        _context = context;
        Types = types;
    }

    public CorsKnownTypes Types { get; }

    public CancellationToken CancellationToken => _context.CancellationToken;

    /// <summary>The analyzer options: .editorconfig values of the policy's file, and the AdditionalFiles.</summary>
    public AnalyzerOptions Options => _context.Options;

    /// <summary>The tree of the operation the policy was found from, for per-file options.</summary>
    public SyntaxTree Tree => _context.Operation.Syntax.SyntaxTree;

    /// <summary>
    /// True when a finding of a rule that is silent in development (CORS002, 003, 005, 006, 021) should be dropped:
    /// the path or the call only runs in development and <c>cors_analyzers.report_in_development</c> is not set.
    /// </summary>
    public bool IsSilencedInDevelopment(PolicyState path, PolicyCall call)
    {
        if (!path.IsDevelopment && !DevelopmentOnly.IsInDebugRegion(call.Operation.Syntax))
        {
            return false;
        }

        return !ReportsInDevelopment;
    }

    /// <summary>The <c>cors_analyzers.report_in_development</c> option for the analyzed file.</summary>
    public bool ReportsInDevelopment =>
        _reportInDevelopment ??= CorsAnalyzerOptions.ReportInDevelopment.GetValue(Options, Tree);

    public void Report(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations = null,
        ImmutableDictionary<string, string?>? properties = null,
        params object?[] messageArgs)
    {
        if (_reported.Add((descriptor.Id, location.SourceTree, location.SourceSpan)))
        {
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additionalLocations, properties, messageArgs));
        }
    }
}
