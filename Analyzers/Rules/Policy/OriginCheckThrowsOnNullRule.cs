using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS026: an origin predicate in force that parses the origin with <c>new Uri(origin)</c> on a path nothing guards:
/// <c>Origin: null</c> makes it throw inside the CORS middleware, a 500 without CORS headers (GROUND_TRUTH 46). Silent when
/// the predicate uses <c>Uri.TryCreate</c>/<c>IsWellFormedUriString</c>, catches exceptions, or any condition on the origin
/// other than a null, empty, whitespace or length test runs first (<c>origin != "null"</c>, <c>StartsWith("https://")</c>,
/// a set's <c>Contains</c>: each keeps "null" out or might).
/// </summary>
internal static class OriginCheckThrowsOnNullRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        if (context.Types.Uri is not { } uriType)
        {
            return;
        }

        HashSet<PolicyCall>? seen = null;
        foreach (var path in policy.Paths)
        {
            // The check in force: a later AllowAnyOrigin() means the predicate never runs (CORS027).
            if (path.OriginPredicate is not { } call || !ReferenceEquals(path.OriginCheck, call) || path.AnyOriginCall is not null
                || !(seen ??= new HashSet<PolicyCall>()).Add(call)
                || OriginPredicate.From(call, context.Types, context.CancellationToken) is not { } predicate)
            {
                continue;
            }

            // One finding per check: its fix parses the origin once for every 'new Uri(origin)' of the check.
            foreach (var creation in UnguardedParses(predicate, uriType))
            {
                var location = creation.Syntax.GetLocation();
                var use = call.AsUseOf(location);
                context.Report(DiagnosticDescriptors.OriginCheckThrowsOnNull, location, use, messageArgs: predicate.Origin.Name);
                break;
            }
        }
    }

    private static List<IObjectCreationOperation> UnguardedParses(OriginPredicate predicate, INamedTypeSymbol uriType)
    {
        var found = new List<IObjectCreationOperation>();
        foreach (var operation in predicate.Body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: { Name: "TryCreate" or "IsWellFormedUriString" } method }
                    when SymbolEqualityComparer.Default.Equals(method.ContainingType, uriType):
                    return new List<IObjectCreationOperation>();
                case IObjectCreationOperation { Arguments.Length: >= 1 } creation
                    when SymbolEqualityComparer.Default.Equals(creation.Type, uriType)
                    && IsOrigin(creation.Arguments[0].Value, predicate)
                    && !IsGuarded(creation, predicate):
                    found.Add(creation);
                    break;
            }
        }

        return found;
    }

    private static bool IsOrigin(IOperation value, OriginPredicate predicate) =>
        value.WalkDownConversion() is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter, predicate.Origin);

    /// <summary>Inside a try, or after a condition on the origin that keeps "null" out on the way here.</summary>
    private static bool IsGuarded(IOperation creation, OriginPredicate predicate)
    {
        bool Restricts(IOperation condition) => MayExcludeNull(condition, predicate);

        for (IOperation child = creation, parent = creation.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case ITryOperation:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } binary
                    when ReferenceEquals(child, binary.RightOperand) && Restricts(binary.LeftOperand):
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } binary
                    when ReferenceEquals(child, binary.RightOperand) && Restricts(binary.LeftOperand) && !MatchesOneOrigin(binary.LeftOperand, predicate):
                    // The right side runs when the left is false: "origin == x || ..." lets "null" through.
                    return true;
                case IConditionalOperation conditional when !ReferenceEquals(child, conditional.Condition) && Restricts(conditional.Condition):
                    return true;
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, child))
                        {
                            break;
                        }

                        if (statement is IConditionalOperation earlier && Restricts(earlier.Condition) && !MatchesOneOrigin(earlier.Condition, predicate))
                        {
                            return true;
                        }
                    }

                    break;
            }

            if (ReferenceEquals(parent, predicate.Body))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>A condition that looks at the origin in a way other than a null, empty, whitespace or length test.</summary>
    private static bool MayExcludeNull(IOperation condition, OriginPredicate predicate)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IInvalidOperation)
            {
                return true;
            }

            if (!IsOrigin(operation, predicate))
            {
                continue;
            }

            var parent = operation.Parent;
            while (parent is IConversionOperation or IArgumentOperation)
            {
                parent = parent.Parent;
            }

            var nullTest = parent switch
            {
                IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } => true,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
                    binary.LeftOperand.WalkDownConversion().ConstantValue is { HasValue: true, Value: null }
                    || binary.RightOperand.WalkDownConversion().ConstantValue is { HasValue: true, Value: null },
                IIsPatternOperation pattern => IsNullPattern(pattern.Pattern),
                IPropertyReferenceOperation { Property.Name: "Length" } => true,
                _ => false,
            };
            if (!nullTest)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>origin == "https://a.example"</c> (or <c>string.Equals</c>): true for one origin that is not "null", so false for "null".</summary>
    private static bool MatchesOneOrigin(IOperation condition, OriginPredicate predicate)
    {
        condition = condition.WalkDownConversion();
        var (left, right) = condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => (equals.LeftOperand, equals.RightOperand),
            IInvocationOperation { TargetMethod: { Name: "Equals", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: >= 2 } call
                => (call.Arguments[0].Value, call.Arguments[1].Value),
            _ => (null, null),
        };
        if (left is null || right is null)
        {
            return false;
        }

        var constant = IsOrigin(left, predicate) ? right.WalkDownConversion().ConstantValue : IsOrigin(right, predicate) ? left.WalkDownConversion().ConstantValue : default;
        return constant is { HasValue: true, Value: string value } && !string.Equals(value, "null", System.StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsNullPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => constant.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null },
        INegatedPatternOperation negated => IsNullPattern(negated.Pattern),
        _ => false,
    };
}
