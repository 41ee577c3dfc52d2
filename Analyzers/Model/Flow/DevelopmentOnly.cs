using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Recognizes code that only runs in development: the branch of an <c>IsDevelopment()</c> check, or an <c>#if DEBUG</c> region.
/// </summary>
internal static class DevelopmentOnly
{
    private const string DevelopmentEnvironment = "Development";

    /// <summary>
    /// Whether <paramref name="condition"/> is an environment check; <paramref name="whenTrue"/> tells which branch is the
    /// development one (false for <c>!env.IsDevelopment()</c>).
    /// </summary>
    public static bool IsDevelopmentCheck(IOperation? condition, CorsKnownTypes types, out bool whenTrue)
    {
        whenTrue = true;
        condition = condition?.WalkDownConversion();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when IsDevelopmentCheck(not.Operand, types, out var inner):
                whenTrue = !inner;
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // env.IsDevelopment() && x: the true branch only runs in development.
                return (IsDevelopmentCheck(and.LeftOperand, types, out var left) && left)
                    || (IsDevelopmentCheck(and.RightOperand, types, out var right) && right);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                // env.EnvironmentName == "Development" (or Environments.Development).
                if (IsEnvironmentName(comparison.LeftOperand, types) && IsDevelopmentName(comparison.RightOperand)
                    || IsEnvironmentName(comparison.RightOperand, types) && IsDevelopmentName(comparison.LeftOperand))
                {
                    whenTrue = comparison.OperatorKind == BinaryOperatorKind.Equals;
                    return true;
                }

                return false;
            case IInvocationOperation invocation:
                return IsEnvironmentExtension(invocation.TargetMethod, types)
                    && (invocation.TargetMethod.Name == "IsDevelopment"
                        || (invocation.TargetMethod.Name == "IsEnvironment" && invocation.Arguments.Length == 2 && IsDevelopmentName(invocation.Arguments[1].Value)));
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="operation"/> sits in the development branch of an enclosing environment check or in <c>#if DEBUG</c>.</summary>
    public static bool Contains(IOperation operation, CorsKnownTypes types)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional
                && !ReferenceEquals(child, conditional.Condition)
                && IsDevelopmentCheck(conditional.Condition, types, out var whenTrue)
                && ReferenceEquals(child, whenTrue ? conditional.WhenTrue : conditional.WhenFalse))
            {
                return true;
            }
        }

        return IsInDebugRegion(operation.Syntax);
    }

    /// <summary>True when <paramref name="node"/> is inside an active <c>#if DEBUG</c> (or <c>#elif DEBUG</c>) region.</summary>
    public static bool IsInDebugRegion(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        if (!root.ContainsDirectives)
        {
            return false;
        }

        // Replay the conditional directives before the node: a stack of "is this region the DEBUG branch".
        var depth = 0;
        var debugDepth = -1;
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < node.SpanStart; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    depth++;
                    if (debugDepth < 0 && IsDebugSymbol(ifDirective.Condition))
                    {
                        debugDepth = depth;
                    }

                    break;
                case ElifDirectiveTriviaSyntax elif:
                    if (debugDepth == depth)
                    {
                        debugDepth = -1;
                    }

                    if (debugDepth < 0 && IsDebugSymbol(elif.Condition))
                    {
                        debugDepth = depth;
                    }

                    break;
                case ElseDirectiveTriviaSyntax:
                    if (debugDepth == depth)
                    {
                        debugDepth = -1;
                    }

                    break;
                case EndIfDirectiveTriviaSyntax:
                    if (debugDepth == depth)
                    {
                        debugDepth = -1;
                    }

                    depth--;
                    break;
            }
        }

        return debugDepth > 0;
    }

    private static bool IsDebugSymbol(ExpressionSyntax condition) =>
        condition is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }
        || (condition is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.LogicalAndExpression)
            && (IsDebugSymbol(binary.Left) || IsDebugSymbol(binary.Right)))
        || (condition is ParenthesizedExpressionSyntax parenthesized && IsDebugSymbol(parenthesized.Expression));

    private static bool IsEnvironmentExtension(IMethodSymbol method, CorsKnownTypes types) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, types.HostEnvironmentEnvExtensions)
        || SymbolEqualityComparer.Default.Equals(method.ContainingType, types.HostingEnvironmentExtensions);

    private static bool IsEnvironmentName(IOperation operation, CorsKnownTypes types) =>
        operation.WalkDownConversion() is IPropertyReferenceOperation { Property.Name: "EnvironmentName" } property
        && property.Property.ContainingType is { } type
        && (SymbolEqualityComparer.Default.Equals(type, types.IHostEnvironment) || type.AllInterfaces.Contains(types.IHostEnvironment!));

    /// <summary>"Development", or <c>Environments.Development</c> (a static readonly field, not a constant).</summary>
    private static bool IsDevelopmentName(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        return operation.GetConstantString() == DevelopmentEnvironment
            || (operation is IFieldReferenceOperation { Field: { Name: DevelopmentEnvironment, IsStatic: true } field }
                && field.ContainingType.Name is "Environments" or "EnvironmentName"
                && field.ContainingNamespace.ToDisplayString() is "Microsoft.Extensions.Hosting" or "Microsoft.AspNetCore.Hosting");
    }
}
