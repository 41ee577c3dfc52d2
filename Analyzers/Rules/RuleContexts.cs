using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules;

/// <summary>A policy-content rule: a check over one policy (each path, with its predicate and origin analysis).</summary>
internal delegate void PolicyCheck(PolicyAnalysis policy, PolicyRuleContext context);

/// <summary>A rule over a <c>new CorsPolicy { ... }</c> built by hand.</summary>
internal delegate void PolicyObjectCheck(IObjectCreationOperation creation, CorsKnownTypes types, Action<Diagnostic> report, CancellationToken cancellationToken);

/// <summary>A hand-written header rule: a check of one write, with the other writes of the same place.</summary>
internal delegate void HeaderCheck(HeaderWrite write, HeaderWriteModel place, Action<Diagnostic> report);

/// <summary>A rule on one CORS registration call as it is analyzed (<see cref="CorsCallKind"/>).</summary>
internal delegate void CallCheck(CallRuleContext context);

/// <summary>A rule on a declaration that carries <c>[EnableCors]</c>.</summary>
internal delegate void AttributeCheck(ISymbol declaration, CorsKnownTypes types, Action<Diagnostic> report);

/// <summary>A rule over one pipeline body (local to the body, so it shows while typing).</summary>
internal delegate void PipelineCheck(CorsPipelineModel pipeline, CorsKnownTypes types, Action<Diagnostic> report, CancellationToken cancellationToken);

/// <summary>A rule over the whole app, decided at compilation end (its descriptors carry the CompilationEnd tag).</summary>
internal delegate void AppCheck(AppRuleContext context);

/// <summary>A rule over one value of an appsettings file that a policy reads, checked at compilation end.</summary>
internal delegate void SettingsCheck(ConfiguredValue value, SettingsRuleContext context);

/// <summary>What a <see cref="CallCheck"/> reads: the call, what it is, the compilation's shared indexes.</summary>
internal readonly struct CallRuleContext
{
    private readonly Action<Diagnostic> _report;

    public CallRuleContext(IInvocationOperation invocation, CorsCallKind kind, AddedPolicyIndex addedPolicies, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Invocation = invocation;
        Kind = kind;
        AddedPolicies = addedPolicies;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public IInvocationOperation Invocation { get; }

    public CorsCallKind Kind { get; }

    public AddedPolicyIndex AddedPolicies { get; }

    public CancellationToken CancellationToken { get; }

    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}

/// <summary>What an <see cref="AppCheck"/> reads at compilation end: the registration model with its pipelines, and the compilation.</summary>
internal sealed class AppRuleContext
{
    private readonly Action<Diagnostic> _report;

    public AppRuleContext(CompilationAnalysisContext context, RegistrationModel registrations, CorsKnownTypes types, Action<Diagnostic> report)
    {
        Compilation = context.Compilation;
        Options = context.Options;
        CancellationToken = context.CancellationToken;
        Registrations = registrations;
        Types = types;
        _report = report;
        IsApp = Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;
    }

    public Compilation Compilation { get; }

    /// <summary>The analyzer options: .editorconfig values and AdditionalFiles (appsettings*.json, for instance).</summary>
    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public RegistrationModel Registrations { get; }

    public CorsKnownTypes Types { get; }

    /// <summary>True for an executable: only an app has a pipeline that must register and apply CORS.</summary>
    public bool IsApp { get; }

    /// <summary>Reports once per (ID, location): pipeline rules checked per body and at the end may meet the same call.</summary>
    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}

/// <summary>What a <see cref="SettingsCheck"/> reports with: a finding on the value in its file, pointing back at the read.</summary>
internal sealed class SettingsRuleContext
{
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<(string Id, string Path, TextSpan Span)> _reported = new();

    public SettingsRuleContext(Action<Diagnostic> report)
    {
        _report = report;
    }

    /// <summary>Reports once per (ID, file, span): several policies may read the same value.</summary>
    public void Report(ConfiguredValue value, DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (_reported.Add((descriptor.Id, value.File.Path, value.Entry.Span)))
        {
            _report(Diagnostic.Create(descriptor, value.File.LocationOf(value.Entry.Span), new[] { value.Use.ReadLocation }, properties, messageArgs));
        }
    }
}
