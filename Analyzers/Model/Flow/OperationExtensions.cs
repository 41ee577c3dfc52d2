using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Model;

internal static class OperationExtensions
{
    /// <summary>Strips implicit and explicit conversions and parentheses.</summary>
    public static IOperation WalkDownConversion(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The location that names a call: from the method name through the closing parenthesis
    /// (<c>AllowCredentials()</c> in a multi-line chain, not the whole chain).
    /// </summary>
    public static Location GetCallLocation(this IOperation operation)
    {
        var syntax = operation.Syntax;
        if (syntax is InvocationExpressionSyntax invocation)
        {
            var start = invocation.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.SpanStart,
                MemberBindingExpressionSyntax memberBinding => memberBinding.Name.SpanStart,
                _ => invocation.SpanStart,
            };
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, invocation.Span.End));
        }

        return syntax.GetLocation();
    }

    /// <summary>
    /// The string a constant expression has; also the framework's <c>CorsConstants.AnyOrigin</c>/<c>AnyHeader</c>/<c>AnyMethod</c>,
    /// which are <c>static readonly</c> "*" rather than constants.
    /// </summary>
    public static string? GetConstantString(this IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string value })
        {
            return value;
        }

        return operation is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Name: "AnyOrigin" or "AnyHeader" or "AnyMethod" } field }
            && IsCorsConstants(field.ContainingType)
                ? "*"
                : null;
    }

    private static bool IsCorsConstants(INamedTypeSymbol type) =>
        type is { Name: "CorsConstants", ContainingNamespace: { Name: "Infrastructure", ContainingNamespace: { Name: "Cors", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } } }
        && type.ContainingAssembly?.Name == "Microsoft.AspNetCore.Cors";
}
