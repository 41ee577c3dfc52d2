using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// Test-only views of the package analyzer; they never ship, so the extended analyzer rules do not apply.
#pragma warning disable RS1036

namespace CorsAnalyzers.Tests;

/// <summary>
/// <see cref="CorsAnalyzer"/> seen through one family of its rules: the verifiers and <see cref="TestCompilations"/> drop the
/// diagnostics of the other families, so a test of a policy rule is not about the pipeline around its snippet.
/// </summary>
public abstract class RuleFamilyAnalyzer : DiagnosticAnalyzer
{
    private readonly CorsAnalyzer _analyzer = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _analyzer.SupportedDiagnostics;

    /// <summary>The IDs this family reports.</summary>
    public abstract ImmutableHashSet<string> Ids { get; }

    /// <summary>The IDs of the other families, which the tests of this family disable.</summary>
    public IEnumerable<string> OtherIds => RuleTable.Descriptors.Select(d => d.Id).Distinct().Where(id => !Ids.Contains(id));

#pragma warning disable RS1025, RS1026 // CorsAnalyzer.Initialize, called here, configures both.
    public override void Initialize(AnalysisContext context) => _analyzer.Initialize(context);
#pragma warning restore RS1025, RS1026

    internal static ImmutableHashSet<string> IdsOf<TModel>(params ImmutableArray<Rule<TModel>>[] rules) =>
        rules.SelectMany(r => r).SelectMany(r => r.Descriptors).Select(d => d.Id).ToImmutableHashSet();
}

/// <summary>Section A: policy content.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyRules : RuleFamilyAnalyzer
{
    private static readonly ImmutableHashSet<string> FamilyIds =
        IdsOf(RuleTable.Policy).Union(IdsOf(RuleTable.PolicyObject)).Union(IdsOf(RuleTable.Settings));

    public override ImmutableHashSet<string> Ids => FamilyIds;
}

/// <summary>Section B: pipeline and registration.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineRules : RuleFamilyAnalyzer
{
    private static readonly ImmutableHashSet<string> FamilyIds =
        IdsOf(RuleTable.Call).Union(IdsOf(RuleTable.Attribute)).Union(IdsOf(RuleTable.Pipeline)).Union(IdsOf(RuleTable.App));

    public override ImmutableHashSet<string> Ids => FamilyIds;
}

/// <summary>Section C: hand-written headers.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HeaderRules : RuleFamilyAnalyzer
{
    private static readonly ImmutableHashSet<string> FamilyIds = IdsOf(RuleTable.Header);

    public override ImmutableHashSet<string> Ids => FamilyIds;
}
