using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS021: <c>SetIsOriginAllowed(p)</c> is the policy's origin check in force and <c>WithOrigins(...)</c> lists origins the
/// predicate provably does not accept (a constant it rejects), or cannot know of (it decides from the origin and constants
/// alone while the list is read from elsewhere). The predicate replaces the list in either call order (GROUND_TRUTH 36).
/// </summary>
internal static class OriginListIgnoredRule
{



    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        var findings = new Dictionary<PolicyCall, Finding>();
        var order = new List<PolicyCall>();
        foreach (var path in policy.Paths)
        {
            if (path.OriginCheck is not { Kind: PolicyCallKind.SetIsOriginAllowed } predicateCall
                || path.Origins.IsEmpty || path.AnyOriginCall is not null
                || OriginPredicate.From(predicateCall, context.Types, context.CancellationToken) is not { } predicate
                || predicate.IsAlwaysTrue()
                || context.IsSilencedInDevelopment(path, predicateCall))
            {
                // In development a predicate that lets local servers in instead of the production list is a choice.
                continue;
            }

            var ignored = Ignored(path, predicate);
            if (ignored.Count == 0)
            {
                continue;
            }

            var fix = FixProperties(path, predicateCall);
            if (!findings.TryGetValue(predicateCall, out var finding))
            {
                order.Add(predicateCall);
                findings[predicateCall] = new Finding(ignored, fix);
            }
            else
            {
                finding.Ignored.AddRange(ignored);

                // Another path lists other origins: accepting the union would widen that path beyond its list and predicate.
                if (finding.Fix is null || fix is null || !SameFix(finding.Fix, fix))
                {
                    finding.Fix = null;
                }
            }
        }

        foreach (var predicateCall in order)
        {
            var finding = findings[predicateCall];
            var lists = new List<Location>();
            foreach (var (_, call) in finding.Ignored)
            {
                if (!lists.Contains(call.Location))
                {
                    lists.Add(call.Location);
                }
            }

            context.Report(
                DiagnosticDescriptors.OriginListIgnored,
                predicateCall.Location,
                lists,
                finding.Fix,
                Describe(finding.Ignored[0].Origin));
        }
    }

    /// <summary>The listed origins that the predicate rejects, or cannot know of.</summary>
    private static List<(OriginValue Origin, PolicyCall Call)> Ignored(PolicyState path, OriginPredicate predicate)
    {
        var ignored = new List<(OriginValue, PolicyCall)>();
        foreach (var (origin, call) in path.Origins)
        {
            // A "*" beside other origins is a literal that never matches (CORS007); WithOrigins lowercases the others.
            if (origin.Value == CorsConstants.AnyOrigin)
            {
                continue;
            }

            var listed = new ListedOrigin(origin.Value?.ToLowerInvariant(), origin.Operation is { } operation ? Referenced(operation) : null, ListOf(call));
            var answer = PredicateAnswer.For(predicate, listed);
            if (answer == Answer.Rejects || (answer == Answer.DependsOnValue && origin.Value is null))
            {
                ignored.Add((origin, call));
            }
        }

        return ignored;
    }

    private static string Describe(OriginValue origin) => origin.Value is { } value
        ? $"the predicate rejects the listed origin '{value}', so that origin is never allowed"
        : "the origins listed with WithOrigins are allowed only if the predicate accepts them, and it does not look at them";

    /// <summary>The collection passed as the origins array (<c>WithOrigins(allowed)</c>), not the elements of an expanded list.</summary>
    private static ISymbol? ListOf(PolicyCall call)
    {
        var arguments = call.Operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type is IArrayTypeSymbol && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return Referenced(argument.Value);
            }
        }

        return null;
    }

    private static ISymbol? Referenced(IOperation operation) => operation.WalkDownConversion() switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation { Property.Parameters.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>
    /// What the fix needs to make the predicate accept the listed origins: their literals, or the collection they come from
    /// when it is in scope at the predicate. Null when the call is made in a helper method (changing it would change every
    /// policy that uses the helper) or the origins cannot be spelled out.
    /// </summary>
    private static ImmutableDictionary<string, string?>? FixProperties(PolicyState path, PolicyCall predicateCall)
    {
        if (predicateCall.Operation is not IInvocationOperation invocation
            || invocation.GetCallLocation().SourceSpan != predicateCall.Location.SourceSpan
            || invocation.Arguments.Length != 1)
        {
            return null;
        }

        ISymbol? list = null;
        var sameList = true;
        List<string>? literals = new();
        foreach (var (origin, call) in path.Origins)
        {
            var from = ListOf(call);
            sameList &= from is not null && (list is null || SymbolEqualityComparer.Default.Equals(list, from));
            list ??= from;
            if (literals is not null)
            {
                literals = origin.Value is { } value ? Add(literals, Literal(origin, value)) : null;
            }
        }

        if (sameList && list is not null && InScope(list, invocation))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.OriginList, list.Name);
            return NeedsLinq(list, invocation) ? properties.Add(DiagnosticProperties.NeedsLinq, "true") : properties;
        }

        return literals is { Count: > 0 } ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ListedOrigins, string.Join("\n", literals)) : null;
    }

    private static List<string> Add(List<string> literals, string literal)
    {
        if (!literals.Contains(literal))
        {
            literals.Add(literal);
        }

        return literals;
    }

    /// <summary>The origin as the policy stores it (WithOrigins lowercases), written as it is in the source when that is a literal.</summary>
    private static string Literal(OriginValue origin, string value)
    {
        var normalized = value.ToLowerInvariant();
        return normalized == value && origin.Operation?.Syntax is LiteralExpressionSyntax literal
            ? literal.Token.Text
            : SymbolDisplay.FormatLiteral(normalized, quote: true);
    }

    private static bool InScope(ISymbol list, IInvocationOperation invocation)
    {
        if (invocation.SemanticModel is not { } model || list is not (ILocalSymbol or IFieldSymbol or IParameterSymbol or IPropertySymbol))
        {
            return false;
        }

        foreach (var symbol in model.LookupSymbols(invocation.Arguments[0].Syntax.SpanStart, name: list.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, list))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when no <c>Contains</c> of the collection is in scope at the predicate: it needs <c>using System.Linq;</c>.</summary>
    private static bool NeedsLinq(ISymbol list, IInvocationOperation invocation)
    {
        var type = list switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is null || invocation.SemanticModel is not { } model)
        {
            return true;
        }

        foreach (var member in model.LookupSymbols(invocation.Arguments[0].Syntax.SpanStart, type, "Contains", includeReducedExtensionMethods: true))
        {
            if (member is IMethodSymbol { Parameters.Length: 1 })
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameFix(ImmutableDictionary<string, string?> first, ImmutableDictionary<string, string?> second)
    {
        if (first.Count != second.Count)
        {
            return false;
        }

        foreach (var pair in first)
        {
            if (!second.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Finding
    {
        public Finding(List<(OriginValue Origin, PolicyCall Call)> ignored, ImmutableDictionary<string, string?>? fix)
        {
            Ignored = ignored;
            Fix = fix;
        }

        public List<(OriginValue Origin, PolicyCall Call)> Ignored { get; }

        public ImmutableDictionary<string, string?>? Fix { get; set; }
    }
}
