using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS029: a SignalR hub whose CORS policy lists origins but does not allow credentials. The JavaScript client's negotiate
/// request is credentialed by default, so the browser blocks it and <c>start()</c> fails (GROUND_TRUTH 55, 56). Warning when
/// endpoint metadata (<c>RequireCors</c>, <c>[EnableCors]</c> on the hub) gives the hub the policy; Info when only the
/// middleware's policy reaches it.
/// </summary>
internal static class HubWithoutCredentialsRule
{
    private static readonly ImmutableDictionary<string, string?> CanAddCredentials =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AddCredentials, "true");

    public static void Check(RegistrationModel model, RuleContext context)
    {
        if (!context.IsApp || model.Hubs.Count == 0 || model.ServicesUnknown || model.CorsCallUnbound || HasPolicyOfUnknownName(model))
        {
            return;
        }

        var verdicts = new Dictionary<IOperation, Verdict>();
        foreach (var hub in model.Hubs)
        {
            if (hub.Hub is not { } hubType || hub.MetadataUnknown || !Find(hub, hubType, model, context, out var found))
            {
                continue;
            }

            if (!verdicts.TryGetValue(found.Configure, out var verdict))
            {
                verdict = Judge(found.Configure, context.Types, context.CancellationToken);
                verdicts.Add(found.Configure, verdict);
            }

            if (verdict.Policy is not { } policy)
            {
                continue;
            }

            var properties = verdict.CanAddCredentials ? CanAddCredentials : ImmutableDictionary<string, string?>.Empty;
            context.Report(Diagnostic.Create(
                DiagnosticDescriptors.HubWithoutCredentials,
                found.Location,
                found.Severity,
                new[] { policy.Root.Syntax.GetLocation() },
                properties,
                found.Source,
                hubType.Name,
                found.Policy));
        }
    }

    /// <summary>The policy the hub gets: its RequireCors, else an [EnableCors] on the hub class, else the one UseCors of the app.</summary>
    private static bool Find(HubEndpoint hub, INamedTypeSymbol hubType, RegistrationModel model, RuleContext context, out Applied applied)
    {
        applied = default;
        if (hub.RequireCors is { } requireCors)
        {
            CorsCalls.ReferencedPolicy(requireCors, context.CancellationToken, out var named, out var name, out _);
            if (!named)
            {
                applied = new Applied(requireCors.Arguments[1].Value, requireCors.GetCallLocation(), DiagnosticSeverity.Warning, "RequireCors", "its inline policy");
                return true;
            }

            return name is not null && Added(model, name) is { } configure
                && Set(out applied, configure, requireCors.GetCallLocation(), DiagnosticSeverity.Warning, "RequireCors", name);
        }

        switch (HubAttribute(hubType, context.Types, context.CancellationToken))
        {
            case (AttributeVerdict.Enable, var attribute, var name):
                return Added(model, name) is { } configure
                    && Set(out applied, configure, attribute!.GetLocation(), DiagnosticSeverity.Warning, "[EnableCors] on the hub", name);
            case (AttributeVerdict.None, _, _):
                break;
            default:
                return false;
        }

        // Only the middleware: one UseCors in the whole app, naming its policy or taking the default one.
        PolicyReference? useCors = null;
        foreach (var reference in model.References)
        {
            if (reference.Kind is PolicyReferenceKind.UseCors or PolicyReferenceKind.UseCorsInline)
            {
                if (useCors is not null || reference.Kind == PolicyReferenceKind.UseCorsInline || !reference.NameIsConstant)
                {
                    return false;
                }

                useCors = reference;
            }
        }

        return useCors is not null && !model.PipelineUnknown
            && Added(model, useCors.Name) is { } middlewarePolicy
            && Set(out applied, middlewarePolicy, hub.MapHub.GetCallLocation(), DiagnosticSeverity.Info, "UseCors", useCors.Name);
    }

    private static bool Set(out Applied applied, IOperation configure, Location location, DiagnosticSeverity severity, string source, string? name)
    {
        applied = new Applied(configure, location, severity, source, name is null ? "the default policy" : $"policy '{name}'");
        return true;
    }

    /// <summary>The delegate argument of the one AddPolicy of that name (null: the one AddDefaultPolicy); null when there is not exactly one.</summary>
    private static IOperation? Added(RegistrationModel model, string? name)
    {
        if (name is null && model.DefaultPolicyNamed)
        {
            return null;
        }

        AddedPolicy? found = null;
        foreach (var policy in model.Policies)
        {
            if (name is null ? policy.IsDefault : !policy.IsDefault && policy.Name == name)
            {
                if (found is not null)
                {
                    return null;
                }

                found = policy;
            }
        }

        return found?.Operation.Arguments is { Length: > 0 } arguments ? arguments[arguments.Length - 1].Value : null;
    }

    private static bool HasPolicyOfUnknownName(RegistrationModel model)
    {
        foreach (var policy in model.Policies)
        {
            if (!policy.IsDefault && policy.Name is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The CORS attribute on the hub class; <see cref="AttributeVerdict.Unknown"/> for [DisableCors], or one on a base class of the project.</summary>
    private static (AttributeVerdict Verdict, SyntaxNode? Syntax, string? Name) HubAttribute(INamedTypeSymbol hub, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var result = (AttributeVerdict.None, (SyntaxNode?)null, (string?)null);
        for (var type = hub; type is not null && !SymbolEqualityComparer.Default.Equals(type, types.SignalR.Hub); type = type.BaseType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                var isEnable = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.EnableCorsAttribute);
                if (!isEnable && !SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.DisableCorsAttribute))
                {
                    continue;
                }

                if (!isEnable || !SymbolEqualityComparer.Default.Equals(type, hub) || result.Item1 != AttributeVerdict.None
                    || attribute.ApplicationSyntaxReference is not { } reference)
                {
                    return (AttributeVerdict.Unknown, null, null);
                }

                var arguments = attribute.ConstructorArguments;
                result = (AttributeVerdict.Enable, reference.GetSyntax(cancellationToken), arguments.Length == 1 ? arguments[0].Value as string : null);
            }
        }

        return result;
    }

    /// <summary>The policy when it lists specific origins and never allows credentials on any path, else no policy.</summary>
    private static Verdict Judge(IOperation configure, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (PolicyModelBuilder.FromArgument(types, configure, cancellationToken) is not { Paths.IsEmpty: false } policy)
        {
            return default;
        }

        var analysis = new PolicyAnalysis(policy, types, cancellationToken);
        var canAdd = true;
        foreach (var path in policy.Paths)
        {
            if (!path.OriginsKnown || !path.CredentialsKnown || path.Credentials is not null || path.AnyOriginCall is not null)
            {
                return default;
            }

            var predicate = path.OriginCheck is { Kind: PolicyCallKind.SetIsOriginAllowed } check ? analysis.Predicate(check) : null;
            if (path.OriginCheck is { Kind: PolicyCallKind.SetIsOriginAllowed } && predicate is not { IsAlwaysTrue: false })
            {
                return default;
            }

            if (predicate is null && path.Origins.IsEmpty)
            {
                return default;
            }

            foreach (var (origin, _) in path.Origins)
            {
                if (origin.Value is not { } value)
                {
                    if (predicate is null)
                    {
                        return default;
                    }

                    canAdd = false;
                }
                else if (value == CorsConstants.AnyOrigin)
                {
                    return default;
                }
                else
                {
                    canAdd &= analysis.Problem(value, out _) == OriginProblem.None && !OriginText.IsInsecureRemote(value);
                }
            }

            canAdd &= !ExposesAnyHeader(path, cancellationToken);
        }

        return new Verdict(policy, canAdd);
    }

    /// <summary><c>WithExposedHeaders("*")</c>: with credentials it means a header named "*" (CORS022).</summary>
    private static bool ExposesAnyHeader(PolicyState path, CancellationToken cancellationToken)
    {
        foreach (var call in path.Calls)
        {
            if (call.Kind == PolicyCallKind.WithExposedHeaders && call.Operation is IInvocationOperation invocation)
            {
                foreach (var header in OriginArguments.Read(invocation.Arguments, cancellationToken))
                {
                    if (header.Value is not { } value || value.Trim() == "*")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private enum AttributeVerdict
    {
        None,
        Enable,
        Unknown,
    }

    private readonly struct Applied
    {
        public Applied(IOperation configure, Location location, DiagnosticSeverity severity, string source, string policy)
        {
            Configure = configure;
            Location = location;
            Severity = severity;
            Source = source;
            Policy = policy;
        }

        /// <summary>The <c>Action&lt;CorsPolicyBuilder&gt;</c> argument that configures the policy.</summary>
        public IOperation Configure { get; }

        public Location Location { get; }

        public DiagnosticSeverity Severity { get; }

        public string Source { get; }

        public string Policy { get; }
    }

    private readonly struct Verdict
    {
        public Verdict(CorsPolicyModel policy, bool canAddCredentials)
        {
            Policy = policy;
            CanAddCredentials = canAddCredentials;
        }

        public CorsPolicyModel? Policy { get; }

        public bool CanAddCredentials { get; }
    }
}
