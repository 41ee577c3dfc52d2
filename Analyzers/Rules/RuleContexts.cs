using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules;

/// <summary>
/// The one check signature of every rule: the model of its list (<see cref="RuleTable"/>) and the context it reports
/// through.
/// </summary>
internal delegate void Check<in TModel>(TModel model, RuleContext context);

/// <summary>
/// The findings already reported in one scope, by (ID, file, span). The dispatcher gives each callback a scope of its own,
/// except the pipeline and whole-app rules, which share one for the compilation: a pipeline checked per body and again at
/// the end may meet the same call.
/// </summary>
internal sealed class ReportedFindings
{
    private ConcurrentDictionary<(string Id, object? File, TextSpan Span), bool>? _reported;

    public bool TryAdd(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        object? file = location.SourceTree ?? (object?)(location.Kind == LocationKind.ExternalFile ? location.GetLineSpan().Path : null);
        var reported = LazyInitializer.EnsureInitialized(ref _reported, () => new ConcurrentDictionary<(string Id, object? File, TextSpan Span), bool>())!;
        return reported.TryAdd((diagnostic.Id, file, location.SourceSpan), true);
    }
}

/// <summary>What every rule reads besides its model: the framework symbols, the options, the compilation, and reporting (once per place).</summary>
internal sealed class RuleContext
{
    private readonly Action<Diagnostic> _report;
    private readonly ReportedFindings _reported;
    private bool? _reportInDevelopment;

    public RuleContext(Compilation compilation, CorsKnownTypes types, AnalyzerOptions options, SyntaxTree? tree, Action<Diagnostic> report, ReportedFindings reported, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Types = types;
        Options = options;
        Tree = tree;
        _report = report;
        _reported = reported;
        CancellationToken = cancellationToken;
    }

    public Compilation Compilation { get; }

    public CorsKnownTypes Types { get; }

    /// <summary>The analyzer options: .editorconfig values and AdditionalFiles (appsettings*.json, for instance).</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>The tree the callback analyzes, for per-file options; null at compilation end.</summary>
    public SyntaxTree? Tree { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>True for an executable: only an app has a pipeline that must register and apply CORS.</summary>
    public bool IsApp => Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;

    /// <summary>The <c>cors_analyzers.report_in_development</c> option for the analyzed file.</summary>
    public bool ReportsInDevelopment =>
        _reportInDevelopment ??= Tree is not null && CorsAnalyzerOptions.ReportInDevelopment.GetValue(Options, Tree);

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

    public void Report(Diagnostic diagnostic)
    {
        if (_reported.TryAdd(diagnostic))
        {
            _report(diagnostic);
        }
    }

    public void Report(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations = null,
        ImmutableDictionary<string, string?>? properties = null,
        params object?[] messageArgs) =>
        Report(Diagnostic.Create(descriptor, location, additionalLocations, properties, messageArgs));
}
