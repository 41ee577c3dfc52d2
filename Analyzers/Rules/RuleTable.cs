using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Configuration;
using CorsAnalyzers.Rules.Header;
using CorsAnalyzers.Rules.Pipeline;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using D = CorsAnalyzers.DiagnosticDescriptors;

namespace CorsAnalyzers.Rules;

/// <summary>A rule as the table holds it: its check and every descriptor the check reports.</summary>
internal sealed class Rule<TModel>
{
    public Rule(Check<TModel> check, params DiagnosticDescriptor[] descriptors)
    {
        Check = check;
        Descriptors = descriptors.ToImmutableArray();
    }

    public Check<TModel> Check { get; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }
}

/// <summary>
/// Every rule of the package, by the model it reads. <see cref="CorsAnalyzer"/> supports exactly these descriptors and the
/// dispatcher calls exactly these checks; a new rule is one line here (plus its descriptor, check, fix, docs and tests).
/// </summary>
internal static class RuleTable
{
    /// <summary>Section A: checks over each policy model (lambda, method group, <c>new CorsPolicyBuilder</c>).</summary>
    public static readonly ImmutableArray<Rule<PolicyAnalysis>> Policy = ImmutableArray.Create(
        new Rule<PolicyAnalysis>(AnyOriginWithCredentialsRule.Check, D.AnyOriginWithCredentials),
        new Rule<PolicyAnalysis>(AllOriginsTrustedWithCredentialsRule.Check, D.AllOriginsTrustedWithCredentials),
        new Rule<PolicyAnalysis>(AnyOriginRule.Check, D.AnyOrigin),
        new Rule<PolicyAnalysis>(BypassableOriginCheckRule.Check, D.BypassableOriginCheck),
        new Rule<PolicyAnalysis>(NullOriginTrustedRule.Check, D.NullOriginTrusted),
        new Rule<PolicyAnalysis>(InsecureOriginWithCredentialsRule.Check, D.InsecureOriginWithCredentials),
        new Rule<PolicyAnalysis>(OriginNeverMatchesRule.Check, D.OriginNeverMatches),
        new Rule<PolicyAnalysis>(WildcardSubdomainIgnoredRule.Check, D.WildcardSubdomainIgnored),
        new Rule<PolicyAnalysis>(PreflightMaxAgeTooLongRule.Check, D.PreflightMaxAgeTooLong),

        new Rule<PolicyAnalysis>(CommaJoinedListRule.Check, D.CommaJoinedList),
        new Rule<PolicyAnalysis>(ConfigurationArrayReadWithGetValueRule.Check, D.ConfigurationArrayReadWithGetValue),
        new Rule<PolicyAnalysis>(AllowedHostsAsOriginsRule.Check, D.AllowedHostsAsOrigins),
        new Rule<PolicyAnalysis>(OriginNeverMatchesRule.CheckSplit, D.ConfiguredListSplitUntrimmed),
        new Rule<PolicyAnalysis>(OriginListIgnoredRule.Check, D.OriginListIgnored),
        new Rule<PolicyAnalysis>(WildcardHeaderListWithCredentialsRule.Check, D.WildcardHeaderListWithCredentials),
        new Rule<PolicyAnalysis>(OriginCheckThrowsOnNullRule.Check, D.OriginCheckThrowsOnNull),
        new Rule<PolicyAnalysis>(OriginCheckOverriddenRule.Check, D.OriginCheckOverridden),
        new Rule<PolicyAnalysis>(AnyOriginFallbackRule.Check, D.AnyOriginFallback));

    /// <summary>Section A: checks over a hand-built <c>new CorsPolicy { ... }</c>.</summary>
    public static readonly ImmutableArray<Rule<IObjectCreationOperation>> PolicyObject = ImmutableArray.Create(
        new Rule<IObjectCreationOperation>(AnyOriginWithCredentialsRule.CheckHandBuilt, D.AnyOriginWithCredentialsHandBuilt));

    /// <summary>Section B: checks on single registration calls, as they are analyzed.</summary>
    public static readonly ImmutableArray<Rule<CorsCall>> Call = ImmutableArray.Create(
        new Rule<CorsCall>(PolicyAddedTwiceRule.Check, D.PolicyAddedTwice));

    /// <summary>Section B: checks on declarations that carry <c>[EnableCors]</c>.</summary>
    public static readonly ImmutableArray<Rule<ISymbol>> Attribute = ImmutableArray.Create(
        new Rule<ISymbol>(ConflictingCorsAttributesRule.Check, D.ConflictingCorsAttributes));

    /// <summary>Section B: checks over each pipeline body.</summary>
    public static readonly ImmutableArray<Rule<CorsPipelineModel>> Pipeline = ImmutableArray.Create(
        new Rule<CorsPipelineModel>(MisplacedUseCorsRule.CheckOrder, D.MisplacedUseCors),
        new Rule<CorsPipelineModel>(SecondCorsMiddlewareRule.Check, D.SecondCorsMiddleware));

    /// <summary>Section B: checks over the whole app at compilation end.</summary>
    public static readonly ImmutableArray<Rule<RegistrationModel>> App = ImmutableArray.Create(
        new Rule<RegistrationModel>(UseCorsWithoutServicesRule.Check, D.UseCorsWithoutServices),
        new Rule<RegistrationModel>(CorsNeverAppliedRule.Check, D.CorsNeverApplied),
        new Rule<RegistrationModel>(UnknownPolicyNameRule.Check, D.UnknownPolicyName),
        new Rule<RegistrationModel>(MisplacedUseCorsRule.CheckRouting, D.UseCorsBeforeRouting),
        new Rule<RegistrationModel>(HubWithoutCredentialsRule.Check, D.HubWithoutCredentials),
        new Rule<RegistrationModel>(AuthorizationBeforeCorsRule.Check, D.AuthorizationBeforeCors));

    /// <summary>Sections A and D: checks of each appsettings*.json value a policy reads, at compilation end.</summary>
    public static readonly ImmutableArray<Rule<ConfiguredValue>> Settings = ImmutableArray.Create(
        new Rule<ConfiguredValue>(AnyOriginWithCredentialsRule.CheckSetting, D.AnyOriginWithCredentialsInSettings),
        new Rule<ConfiguredValue>(AnyOriginRule.CheckSetting, D.AnyOriginInSettings),
        new Rule<ConfiguredValue>(NullOriginTrustedRule.CheckSetting, D.NullOriginTrustedInSettings),
        new Rule<ConfiguredValue>(OriginNeverMatchesRule.CheckSetting, D.OriginNeverMatchesInSettings),
        new Rule<ConfiguredValue>(InsecureOriginWithCredentialsRule.CheckSetting, D.InsecureOriginWithCredentialsInSettings),
        new Rule<ConfiguredValue>(CommaJoinedListRule.CheckSetting, D.CommaJoinedListInSettings));

    /// <summary>Section C: checks of each hand-written CORS header write.</summary>
    public static readonly ImmutableArray<Rule<HeaderWrite>> Header = ImmutableArray.Create(
        new Rule<HeaderWrite>(HandWrittenCorsHeadersRule.Check, D.HandWrittenCorsHeaders),
        new Rule<HeaderWrite>(RequestOriginReflectedRule.Check, D.RequestOriginReflected),
        new Rule<HeaderWrite>(WildcardOriginWithCredentialsHeaderRule.Check, D.WildcardOriginWithCredentialsHeader),
        new Rule<HeaderWrite>(WildcardHeaderListWithCredentialsRule.CheckHeader, D.WildcardHeaderWithCredentialsHeader),
        new Rule<HeaderWrite>(CredentialsValueNotTrueRule.Check, D.CredentialsValueNotTrue));

    /// <summary>Every descriptor of every rule, in table order, each once.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Collect();

    private static ImmutableArray<DiagnosticDescriptor> Collect()
    {
        var all = new List<DiagnosticDescriptor>();
        Add(all, Policy);
        Add(all, PolicyObject);
        Add(all, Call);
        Add(all, Attribute);
        Add(all, Pipeline);
        Add(all, App);
        Add(all, Settings);
        Add(all, Header);
        return all.ToImmutableArray();
    }

    private static void Add<TModel>(List<DiagnosticDescriptor> all, ImmutableArray<Rule<TModel>> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var descriptor in rule.Descriptors)
            {
                if (!all.Contains(descriptor))
                {
                    all.Add(descriptor);
                }
            }
        }
    }
}
