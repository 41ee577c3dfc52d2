using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Configuration;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// The policy-content rules (section A of the catalog): builds one <see cref="CorsPolicyModel"/> per policy
/// and runs each rule's check over it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AnyOriginWithCredentials,
        DiagnosticDescriptors.AnyOriginWithCredentialsHandBuilt,
        DiagnosticDescriptors.AllOriginsTrustedWithCredentials,
        DiagnosticDescriptors.AnyOrigin,
        DiagnosticDescriptors.BypassableOriginCheck,
        DiagnosticDescriptors.NullOriginTrusted,
        DiagnosticDescriptors.InsecureOriginWithCredentials,
        DiagnosticDescriptors.OriginNeverMatches,
        DiagnosticDescriptors.WildcardSubdomainIgnored,
        DiagnosticDescriptors.PreflightMaxAgeTooLong,
        DiagnosticDescriptors.ConfigurationArrayReadWithGetValue,
        DiagnosticDescriptors.AllowedHostsAsOrigins,
        DiagnosticDescriptors.ConfiguredListSplitUntrimmed,
        DiagnosticDescriptors.OriginNeverMatchesInSettings,
        DiagnosticDescriptors.NullOriginTrustedInSettings,
        DiagnosticDescriptors.AnyOriginInSettings,
        DiagnosticDescriptors.AnyOriginWithCredentialsInSettings,
        DiagnosticDescriptors.InsecureOriginWithCredentialsInSettings,
        DiagnosticDescriptors.OriginListIgnored,
        DiagnosticDescriptors.WildcardHeaderListWithCredentials);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (!CorsKnownTypes.TryGet(context.Compilation, out var types))
        {
            return;
        }

        MemberScopedDiagnostics.Enable(context);
        var settings = SettingsOrigins.Start(context);
        context.RegisterOperationAction(c => AnalyzeLambda(c, types, settings), OperationKind.AnonymousFunction);
        context.RegisterOperationAction(c => AnalyzeMethodReference(c, types, settings), OperationKind.MethodReference);
        context.RegisterOperationAction(c => AnalyzeCreation(c, types, settings), OperationKind.ObjectCreation);
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, CorsKnownTypes types, SettingsOrigins? settings)
    {
        var lambda = (IAnonymousFunctionOperation)context.Operation;
        var parameters = lambda.Symbol.Parameters;
        if (parameters.Length == 0 || !types.IsCorsPolicyBuilder(parameters[0].Type))
        {
            return;
        }

        Check(PolicyModelBuilder.FromDelegate(types, lambda, lambda.Symbol, lambda.Body, context.CancellationToken), context, types, settings);
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context, CorsKnownTypes types, SettingsOrigins? settings)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        var method = reference.Method;
        if (method.Parameters.Length == 0 || !types.IsCorsPolicyBuilder(method.Parameters[0].Type) || reference.Parent is not IDelegateCreationOperation)
        {
            return;
        }

        if (SourceOperations.GetBody(method, reference, context.CancellationToken) is { } body)
        {
            Check(PolicyModelBuilder.FromDelegate(types, reference, method, body, context.CancellationToken), context, types, settings);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, CorsKnownTypes types, SettingsOrigins? settings)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (types.IsCorsPolicyBuilder(creation.Type))
        {
            Check(PolicyModelBuilder.FromCreation(types, creation, context.CancellationToken), context, types, settings);
        }
        else if (types.CorsPolicy is not null && SymbolEqualityComparer.Default.Equals(creation.Type, types.CorsPolicy))
        {
            HandBuiltPolicyRule.Check(creation, context, types);
        }
    }

    private static void Check(CorsPolicyModel? policy, OperationAnalysisContext context, CorsKnownTypes types, SettingsOrigins? settings)
    {
        if (policy is null || policy.Paths.IsEmpty)
        {
            return;
        }

        var rules = new PolicyRuleContext(context, types, settings);
        AnyOriginWithCredentialsRule.Check(policy, rules);
        AllOriginsTrustedWithCredentialsRule.Check(policy, rules);
        BypassableOriginCheckRule.Check(policy, rules);
        NullOriginRule.Check(policy, rules);
        InsecureOriginWithCredentialsRule.Check(policy, rules);
        OriginNeverMatchesRule.Check(policy, rules);
        WildcardSubdomainRule.Check(policy, rules);
        PreflightMaxAgeRule.Check(policy, rules);
        ConfigurationReadRules.Check(policy, rules);
        OriginListIgnoredRule.Check(policy, rules);
        WildcardExposedHeadersRule.Check(policy, rules);
    }
}
