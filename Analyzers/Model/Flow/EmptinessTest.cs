using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Which values a condition proves missing or empty when it has a given outcome: <c>x == null || x.Length == 0</c> true,
/// <c>x?.Any() != true</c> true, <c>x is { Count: &gt; 0 }</c> false, <c>string.IsNullOrEmpty(x)</c> true. A value counts
/// only when every way to that outcome leaves it null or empty.
/// </summary>
internal static class EmptinessTest
{
    /// <summary>The values (as written in the condition) that are null or empty whenever <paramref name="condition"/> is <paramref name="outcome"/>.</summary>
    public static List<IOperation> ProvenEmpty(IOperation condition, bool outcome)
    {
        var result = new List<IOperation>();
        Collect(condition, outcome, result);
        return result;
    }

    private static void Collect(IOperation condition, bool outcome, List<IOperation> result)
    {
        condition = condition.WalkDownConversion();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Collect(not.Operand, !outcome, result);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } logical:
                var left = ProvenEmpty(logical.LeftOperand, outcome);
                var right = ProvenEmpty(logical.RightOperand, outcome);

                // a || b is true when either is; a && b is true when both are (and the other way round for false).
                var either = (logical.OperatorKind == BinaryOperatorKind.ConditionalOr) == outcome;
                if (either)
                {
                    foreach (var value in left)
                    {
                        if (Contains(right, value))
                        {
                            result.Add(value);
                        }
                    }
                }
                else
                {
                    result.AddRange(left);
                    result.AddRange(right);
                }

                return;
            case IBinaryOperation comparison:
                CollectComparison(comparison, outcome, result);
                return;
            case IIsPatternOperation pattern when Subject(pattern.Value) is { } subject && PatternProvesEmpty(pattern.Pattern, outcome):
                result.Add(subject);
                return;
            case IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 1 } test
                when outcome && Subject(test.Arguments[0].Value) is { } tested:
                result.Add(tested);
                return;
            case ICoalesceOperation coalesce
                when coalesce.WhenNull.WalkDownConversion().ConstantValue is { HasValue: true, Value: bool } && Measure(coalesce.Value) is { IsAny: true } any:
                // x?.Any() ?? b: a non-empty x gives true; whatever the fallback, false leaves x missing or empty.
                if (!outcome)
                {
                    result.Add(any.Subject);
                }

                return;
            default:
                if (Measure(condition) is { IsAny: true, Lifted: false } plain && !outcome)
                {
                    result.Add(plain.Subject);
                }

                return;
        }
    }

    private static void CollectComparison(IBinaryOperation comparison, bool outcome, List<IOperation> result)
    {
        var (measured, constant, kind) = (comparison.LeftOperand, comparison.RightOperand.WalkDownConversion().ConstantValue, comparison.OperatorKind);
        if (!constant.HasValue)
        {
            (measured, constant, kind) = (comparison.RightOperand, comparison.LeftOperand.WalkDownConversion().ConstantValue, Mirror(comparison.OperatorKind));
        }

        if (!constant.HasValue)
        {
            return;
        }

        if (constant.Value is null)
        {
            // x == null is true, x != null is false: x is missing.
            if (Subject(measured) is { } tested && ((kind == BinaryOperatorKind.Equals && outcome) || (kind == BinaryOperatorKind.NotEquals && !outcome)))
            {
                result.Add(tested);
            }

            return;
        }

        if (Measure(measured) is not { } measure)
        {
            return;
        }

        // The outcome proves emptiness when no non-empty value can give it (a null through ?. counts as missing).
        var proves = measure.IsAny
            ? constant.Value is bool expected && Compare(kind, 1, expected ? 1 : 0) is { } nonEmpty && nonEmpty != outcome
            : constant.Value is int bound && NoCountGives(kind, bound, outcome);
        if (proves)
        {
            result.Add(measure.Subject);
        }
    }

    private static bool NoCountGives(BinaryOperatorKind kind, int bound, bool outcome)
    {
        foreach (var count in new[] { 1, 2, bound - 1, bound, bound + 1, int.MaxValue })
        {
            if (count >= 1 && Compare(kind, count, bound) is { } result && result == outcome)
            {
                return false;
            }
        }

        return Compare(kind, 1, bound) is not null;
    }

    private static bool? Compare(BinaryOperatorKind kind, int left, int right) => kind switch
    {
        BinaryOperatorKind.Equals => left == right,
        BinaryOperatorKind.NotEquals => left != right,
        BinaryOperatorKind.LessThan => left < right,
        BinaryOperatorKind.LessThanOrEqual => left <= right,
        BinaryOperatorKind.GreaterThan => left > right,
        BinaryOperatorKind.GreaterThanOrEqual => left >= right,
        _ => null,
    };

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>x is null, x is { Length: 0 }, x is not { Count: &gt; 0 }, x is null or []: does the outcome leave x null or empty?</summary>
    private static bool PatternProvesEmpty(IPatternOperation pattern, bool outcome)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return outcome && constant.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };
            case INegatedPatternOperation negated:
                return PatternProvesEmpty(negated.Pattern, !outcome);
            case IBinaryPatternOperation binary:
                var either = (binary.OperatorKind == BinaryOperatorKind.Or) == outcome;
                return either
                    ? PatternProvesEmpty(binary.LeftPattern, outcome) && PatternProvesEmpty(binary.RightPattern, outcome)
                    : PatternProvesEmpty(binary.LeftPattern, outcome) || PatternProvesEmpty(binary.RightPattern, outcome);
            case IRecursivePatternOperation { PropertySubpatterns.Length: 1, DeconstructionSubpatterns.Length: 0 } recursive
                when recursive.PropertySubpatterns[0].Member is IPropertyReferenceOperation { Property.Name: "Length" or "Count" }:
                // Matching means "not null and the count matches"; not matching means "null or the count does not match".
                var count = recursive.PropertySubpatterns[0].Pattern;
                return outcome ? CountPatternMatchesOnly(count, empty: true) : CountPatternMatchesOnly(count, empty: false);
            default:
                return pattern.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ListPatternSyntax { Patterns.Count: 0 } && outcome;
        }
    }

    /// <summary>True when the count pattern matches 0 only (<paramref name="empty"/>) or every count above 0.</summary>
    private static bool CountPatternMatchesOnly(IPatternOperation pattern, bool empty)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int value } }:
                return empty && value == 0;
            case IRelationalPatternOperation { Value.ConstantValue: { HasValue: true, Value: int bound } } relational:
                return empty
                    ? NoCountGives(relational.OperatorKind, bound, outcome: true)
                    : Compare(relational.OperatorKind, 0, bound) == false && NoCountGives(relational.OperatorKind, bound, outcome: false);
            case INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int zero } } }:
                return !empty && zero == 0;
            default:
                return false;
        }
    }

    /// <summary>x.Length, x.Count, x.Count(), x.Any(), also through ?.: what is measured and how.</summary>
    private static Measured? Measure(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        var lifted = false;
        if (operation is IConditionalAccessOperation access)
        {
            lifted = true;
            operation = access.WhenNotNull.WalkDownConversion();
            if (Subject(access.Operation) is not { } receiver)
            {
                return null;
            }

            return operation switch
            {
                IPropertyReferenceOperation { Property.Name: "Length" or "Count", Instance: IConditionalAccessInstanceOperation } => new Measured(receiver, isAny: false, lifted),
                IInvocationOperation { TargetMethod.Name: "Count" or "Any", Arguments.Length: 1 } invocation
                    when invocation.Arguments[0].Value.WalkDownConversion() is IConditionalAccessInstanceOperation && IsLinq(invocation.TargetMethod)
                    => new Measured(receiver, invocation.TargetMethod.Name == "Any", lifted),
                _ => null,
            };
        }

        return operation switch
        {
            IPropertyReferenceOperation { Property.Name: "Length" or "Count", Instance: { } instance } when Subject(instance) is { } subject => new Measured(subject, isAny: false, lifted),
            IInvocationOperation { TargetMethod.Name: "Count" or "Any", Arguments.Length: 1 } invocation
                when IsLinq(invocation.TargetMethod) && Subject(invocation.Arguments[0].Value) is { } subject
                => new Measured(subject, invocation.TargetMethod.Name == "Any", lifted),
            _ => null,
        };
    }

    private static bool IsLinq(IMethodSymbol method) =>
        method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } };

    /// <summary>The tested value: a local, parameter, field or property read; null for anything else.</summary>
    private static IOperation? Subject(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        return operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation
            ? operation
            : null;
    }

    /// <summary>Two reads of the same local, parameter, field or property (on the same receiver text).</summary>
    public static bool SameValue(IOperation left, IOperation right) => (left, right) switch
    {
        (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
        (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
        (IFieldReferenceOperation a, IFieldReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameText(a.Instance, b.Instance),
        (IPropertyReferenceOperation a, IPropertyReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameText(a.Instance, b.Instance)
            && a.Syntax.IsEquivalentTo(b.Syntax),
        (IInvocationOperation a, IInvocationOperation b) => a.Syntax.IsEquivalentTo(b.Syntax),
        _ => false,
    };

    private static bool SameText(IOperation? left, IOperation? right) =>
        left is null ? right is null : right is not null && left.Syntax.IsEquivalentTo(right.Syntax);

    private static bool Contains(List<IOperation> values, IOperation value)
    {
        foreach (var candidate in values)
        {
            if (SameValue(candidate, value))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Measured
    {
        public Measured(IOperation subject, bool isAny, bool lifted)
        {
            Subject = subject;
            IsAny = isAny;
            Lifted = lifted;
        }

        public IOperation Subject { get; }

        /// <summary>Any() (true when non-empty) rather than a count.</summary>
        public bool IsAny { get; }

        /// <summary>Read through ?.: null when the value is missing.</summary>
        public bool Lifted { get; }
    }
}
