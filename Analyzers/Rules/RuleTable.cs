using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Rules.Configuration;
using CorsAnalyzers.Rules.Header;
using CorsAnalyzers.Rules.Pipeline;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using D = CorsAnalyzers.DiagnosticDescriptors;

namespace CorsAnalyzers.Rules;

/// <summary>A rule as the table holds it: its check and every descriptor the check reports.</summary>
internal sealed class Rule<TCheck>
    where TCheck : System.Delegate
{
    public Rule(TCheck check, params DiagnosticDescriptor[] descriptors)
    {
        Check = check;
        Descriptors = descriptors.ToImmutableArray();
    }

    public TCheck Check { get; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }
}

/// <summary>
/// Every rule of the package, by the model it reads. <see cref="CorsAnalyzer"/> supports exactly these descriptors and the
/// dispatcher calls exactly these checks; a new rule is one line here (plus its descriptor, check, fix, docs and tests).
/// </summary>
internal static class RuleTable
{
    /// <summary>Section A: checks over each policy model (lambda, method group, <c>new CorsPolicyBuilder</c>).</summary>
    public static readonly ImmutableArray<Rule<PolicyCheck>> Policy = ImmutableArray.Create(
        new Rule<PolicyCheck>(AnyOriginWithCredentialsRule.Check, D.AnyOriginWithCredentials),
        new Rule<PolicyCheck>(AllOriginsTrustedWithCredentialsRule.Check, D.AllOriginsTrustedWithCredentials, D.AnyOrigin),
        new Rule<PolicyCheck>(BypassableOriginCheckRule.Check, D.BypassableOriginCheck),
        new Rule<PolicyCheck>(NullOriginRule.Check, D.NullOriginTrusted),
        new Rule<PolicyCheck>(InsecureOriginWithCredentialsRule.Check, D.InsecureOriginWithCredentials),
        new Rule<PolicyCheck>(OriginNeverMatchesRule.Check, D.OriginNeverMatches),
        new Rule<PolicyCheck>(WildcardSubdomainRule.Check, D.WildcardSubdomainIgnored),
        new Rule<PolicyCheck>(PreflightMaxAgeRule.Check, D.PreflightMaxAgeTooLong),

        new Rule<PolicyCheck>(CommaJoinedListRule.Check, D.CommaJoinedList),
        new Rule<PolicyCheck>(
            ConfigurationReadRules.Check,
            D.ConfigurationArrayReadWithGetValue,
            D.AllowedHostsAsOrigins,
            D.ConfiguredListSplitUntrimmed),
        new Rule<PolicyCheck>(OriginListIgnoredRule.Check, D.OriginListIgnored),
        new Rule<PolicyCheck>(WildcardExposedHeadersRule.Check, D.WildcardHeaderListWithCredentials),
        new Rule<PolicyCheck>(OriginCheckThrowsOnNullRule.Check, D.OriginCheckThrowsOnNull),
        new Rule<PolicyCheck>(OriginCheckOverriddenRule.Check, D.OriginCheckOverridden),
        new Rule<PolicyCheck>(AnyOriginFallbackRule.Check, D.AnyOriginFallback));

    /// <summary>Section A: checks over a hand-built <c>new CorsPolicy { ... }</c>.</summary>
    public static readonly ImmutableArray<Rule<PolicyObjectCheck>> PolicyObject = ImmutableArray.Create(
        new Rule<PolicyObjectCheck>(HandBuiltPolicyRule.Check, D.AnyOriginWithCredentialsHandBuilt));

    /// <summary>Section B: checks on single registration calls, as they are analyzed.</summary>
    public static readonly ImmutableArray<Rule<CallCheck>> Call = ImmutableArray.Create(
        new Rule<CallCheck>(PolicyAddedTwiceRule.Check, D.PolicyAddedTwice));

    /// <summary>Section B: checks on declarations that carry <c>[EnableCors]</c>.</summary>
    public static readonly ImmutableArray<Rule<AttributeCheck>> Attribute = ImmutableArray.Create(
        new Rule<AttributeCheck>(ConflictingCorsAttributesRule.Check, D.ConflictingCorsAttributes));

    /// <summary>Section B: checks over each pipeline body.</summary>
    public static readonly ImmutableArray<Rule<PipelineCheck>> Pipeline = ImmutableArray.Create(
        new Rule<PipelineCheck>(MisplacedUseCorsRule.CheckOrder, D.MisplacedUseCors),
        new Rule<PipelineCheck>(SecondCorsMiddlewareRule.Check, D.SecondCorsMiddleware));

    /// <summary>Section B: checks over the whole app at compilation end.</summary>
    public static readonly ImmutableArray<Rule<AppCheck>> App = ImmutableArray.Create(
        new Rule<AppCheck>(RegistrationRules.CheckServicesRegistered, D.UseCorsWithoutServices),
        new Rule<AppCheck>(RegistrationRules.CheckApplied, D.CorsNeverApplied),
        new Rule<AppCheck>(RegistrationRules.CheckPolicyNames, D.UnknownPolicyName),
        new Rule<AppCheck>(MisplacedUseCorsRule.CheckRouting, D.UseCorsBeforeRouting),
        new Rule<AppCheck>(HubWithoutCredentialsRule.Check, D.HubWithoutCredentials),
        new Rule<AppCheck>(AuthorizationBeforeCorsRule.Check, D.AuthorizationBeforeCors));

    /// <summary>Sections A and D: checks of each appsettings*.json value a policy reads, at compilation end.</summary>
    public static readonly ImmutableArray<Rule<SettingsCheck>> Settings = ImmutableArray.Create(
        new Rule<SettingsCheck>(AnyOriginWithCredentialsRule.CheckSetting, D.AnyOriginWithCredentialsInSettings),
        new Rule<SettingsCheck>(AllOriginsTrustedWithCredentialsRule.CheckSetting, D.AnyOriginInSettings),
        new Rule<SettingsCheck>(NullOriginRule.CheckSetting, D.NullOriginTrustedInSettings),
        new Rule<SettingsCheck>(OriginNeverMatchesRule.CheckSetting, D.OriginNeverMatchesInSettings),
        new Rule<SettingsCheck>(InsecureOriginWithCredentialsRule.CheckSetting, D.InsecureOriginWithCredentialsInSettings),
        new Rule<SettingsCheck>(CommaJoinedListRule.CheckSetting, D.CommaJoinedListInSettings));

    /// <summary>Section C: checks of each hand-written CORS header write.</summary>
    public static readonly ImmutableArray<Rule<HeaderCheck>> Header = ImmutableArray.Create(
        new Rule<HeaderCheck>(HandWrittenCorsHeadersRule.Check, D.HandWrittenCorsHeaders),
        new Rule<HeaderCheck>(RequestOriginReflectedRule.Check, D.RequestOriginReflected),
        new Rule<HeaderCheck>(WildcardOriginWithCredentialsHeaderRule.Check, D.WildcardOriginWithCredentialsHeader),
        new Rule<HeaderCheck>(WildcardHeaderWithCredentialsRule.Check, D.WildcardHeaderWithCredentialsHeader),
        new Rule<HeaderCheck>(CredentialsValueNotTrueRule.Check, D.CredentialsValueNotTrue));

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

    private static void Add<TCheck>(List<DiagnosticDescriptor> all, ImmutableArray<Rule<TCheck>> rules)
        where TCheck : System.Delegate
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
