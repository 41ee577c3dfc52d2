using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>
/// Methods, request headers and exposed headers that hand-written headers allowed and the app's policy does not: they
/// are appended to the policy's chain (<c>.WithMethods("PUT", "DELETE")</c>), so removing the headers takes nothing away.
/// These lists widen nothing an attacker can use: the origins decide who may call.
/// </summary>
internal sealed class PolicyFold
{
    private readonly LambdaExpressionSyntax? _lambda;

    public PolicyFold(LambdaExpressionSyntax? lambda) => _lambda = lambda;

    public List<string> Methods { get; } = new();

    public List<string> Headers { get; } = new();

    public List<string> ExposedHeaders { get; } = new();

    public bool IsEmpty => Methods.Count == 0 && Headers.Count == 0 && ExposedHeaders.Count == 0;

    /// <summary>The policy is a lambda whose chain can be found: an expression body, or a block of one chain statement.</summary>
    public bool CanApply => _lambda is not null && Chain(_lambda) is not null;

    public LambdaExpressionSyntax? Lambda => _lambda;

    /// <summary>What the title says was added, such as "the methods PUT, DELETE".</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            Add(parts, "the methods", Methods);
            Add(parts, "the headers", Headers);
            Add(parts, "the exposed headers", ExposedHeaders);
            return string.Join(" and ", parts);

            static void Add(List<string> parts, string what, List<string> names)
            {
                if (names.Count > 0)
                {
                    parts.Add($"{what} {string.Join(", ", names)}");
                }
            }
        }
    }

    /// <summary>An HTTP token: what a method or header name can be.</summary>
    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(static c => c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".IndexOf(c) < 0);

    /// <summary>The lambda with the calls appended to its chain.</summary>
    public LambdaExpressionSyntax Apply(LambdaExpressionSyntax lambda)
    {
        if (Chain(lambda) is null)
        {
            return lambda;
        }

        lambda = Append(lambda, "WithMethods", Methods);
        lambda = Append(lambda, "WithHeaders", Headers);
        return Append(lambda, "WithExposedHeaders", ExposedHeaders);
    }

    private static LambdaExpressionSyntax Append(LambdaExpressionSyntax lambda, string method, List<string> names) =>
        names.Count == 0
            ? lambda
            : PolicyChainSyntax.AppendCall(lambda, method, names.Select(static n => (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(n))).ToArray()) ?? lambda;

    /// <summary>The outermost call of the chain on the lambda's parameter.</summary>
    private static InvocationExpressionSyntax? Chain(LambdaExpressionSyntax lambda)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        var expression = lambda.ExpressionBody
            ?? (lambda.Block is { Statements.Count: 1 } block && block.Statements[0] is ExpressionStatementSyntax only ? only.Expression : null);
        return parameter is not null && expression is InvocationExpressionSyntax invocation && RootName(invocation) == parameter ? invocation : null;
    }

    private static string? RootName(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    break;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }
}
