using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Whether a condition over the request origin restricts which origins pass. Tests for null, empty or whitespace, the
/// length, the literal <c>"null"</c> or a scheme prefix (<c>StartsWith("http")</c>) let every real origin through: they
/// are no allow-list check. Anything else that looks at the origin (a set's <c>Contains</c>, a comparison with a value, a
/// method the origin is passed to) counts as one, and so does code that does not bind: what it does cannot be known.
/// </summary>
internal static class OriginGuard
{
    /// <summary>Prefixes every web origin starts with.</summary>
    private static readonly string[] SchemePrefixes = { "", "h", "ht", "htt", "http", "https", "http:", "https:", "http:/", "https:/", "http://", "https://" };

    /// <summary>True when some part of <paramref name="condition"/> restricts the origins that <paramref name="isOrigin"/> recognizes.</summary>
    public static bool Restricts(IOperation condition, Func<IOperation, bool> isOrigin)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvalidOperation:
                    return true;
                case IBinaryOperation binary when isOrigin(binary.LeftOperand) || isOrigin(binary.RightOperand):
                    if (BinaryRestricts(binary, isOrigin))
                    {
                        return true;
                    }

                    break;
                case IIsPatternOperation pattern when isOrigin(pattern.Value):
                    if (PatternRestricts(pattern.Pattern))
                    {
                        return true;
                    }

                    break;
                case IInvocationOperation invocation when TakesOrigin(invocation, isOrigin):
                    if (InvocationRestricts(invocation, isOrigin))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool TakesOrigin(IInvocationOperation invocation, Func<IOperation, bool> isOrigin)
    {
        if (invocation.Instance is { } instance && isOrigin(instance))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (isOrigin(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>origin == x</c> restricts unless x is null, empty or <c>"null"</c>; other operators (<c>+</c>) compare nothing.</summary>
    private static bool BinaryRestricts(IBinaryOperation binary, Func<IOperation, bool> isOrigin)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return false;
        }

        var other = isOrigin(binary.LeftOperand) ? binary.RightOperand : binary.LeftOperand;
        return !IsNoValue(other);
    }

    /// <summary><c>origin is null</c>, <c>is not null</c>, <c>is { Length: &gt; 0 }</c> restrict nothing; <c>is "https://..."</c> does.</summary>
    private static bool PatternRestricts(IPatternOperation pattern)
    {
        foreach (var operation in pattern.DescendantsAndSelf())
        {
            if (operation is IConstantPatternOperation constant && !IsNoValue(constant.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InvocationRestricts(IInvocationOperation invocation, Func<IOperation, bool> isOrigin)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            // string.IsNullOrEmpty(origin), StringValues.IsNullOrEmpty(origins)
            case "IsNullOrEmpty" or "IsNullOrWhiteSpace" when method.IsStatic:
                return false;

            // origin.ToString(), origin.Trim(): the value itself, not a check on it.
            case "ToString" or "Trim" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault"
                or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" or "ToArray":
                return false;

            case "StartsWith" when IsStringMethod(method) && ConstantArgument(invocation, isOrigin) is { } prefix:
                return !IsSchemePrefix(prefix);

            case "Equals" when IsStringMethod(method) && OtherOperand(invocation, isOrigin) is { } other:
                return !IsNoValue(other);

            default:
                return true;
        }
    }

    private static bool IsStringMethod(IMethodSymbol method) => method.ContainingType?.SpecialType == SpecialType.System_String;

    /// <summary>The constant compared with the origin in <c>origin.StartsWith("...")</c>.</summary>
    private static string? ConstantArgument(IInvocationOperation invocation, Func<IOperation, bool> isOrigin) =>
        invocation.Instance is { } instance && isOrigin(instance) && invocation.Arguments.Length > 0
            ? invocation.Arguments[0].Value.WalkDownConversion().GetConstantString()
            : null;

    /// <summary>What the origin is compared with in <c>origin.Equals(x)</c> or <c>string.Equals(origin, x)</c>.</summary>
    private static IOperation? OtherOperand(IInvocationOperation invocation, Func<IOperation, bool> isOrigin)
    {
        var arguments = invocation.Arguments;
        if (invocation.Instance is { } instance)
        {
            return arguments.Length > 0 ? (isOrigin(instance) ? arguments[0].Value : instance) : null;
        }

        return arguments.Length < 2 ? null : isOrigin(arguments[0].Value) ? arguments[1].Value : arguments[0].Value;
    }

    /// <summary>null, <c>""</c> or the literal <c>"null"</c>: comparing with it lets every real origin through.</summary>
    private static bool IsNoValue(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: null })
        {
            return true;
        }

        return operation.GetConstantString() is { } text
            ? text.Length == 0 || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase)
            : operation is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } field } && field.ContainingType?.SpecialType == SpecialType.System_String;
    }

    private static bool IsSchemePrefix(string prefix)
    {
        foreach (var scheme in SchemePrefixes)
        {
            if (string.Equals(prefix, scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
