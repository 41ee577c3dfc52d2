using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>Adds a call at the end of a policy lambda's chain (<c>p =&gt; p.WithOrigins(...)</c>), keeping the chain's layout.</summary>
internal static class PolicyChainSyntax
{
    /// <summary>The policy lambda at <paramref name="location"/>: the span the analyzer gave for the policy's delegate.</summary>
    public static LambdaExpressionSyntax? FindLambda(SyntaxNode root, Location location) =>
        root.FullSpan.Contains(location.SourceSpan)
        && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is LambdaExpressionSyntax lambda && lambda.Span == location.SourceSpan
            ? lambda
            : null;

    /// <summary>The lambda with <c>AllowCredentials()</c> as its last call; null when its shape is not a plain chain or sequence on the builder.</summary>
    public static LambdaExpressionSyntax? AddCredentials(LambdaExpressionSyntax lambda) => AppendCall(lambda, "AllowCredentials");

    /// <summary>The lambda with <c>method(arguments)</c> as its last call; null when its shape is not a plain chain or sequence on the builder.</summary>
    public static LambdaExpressionSyntax? AppendCall(LambdaExpressionSyntax lambda, string method, params ExpressionSyntax[] arguments)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        if (parameter is null)
        {
            return null;
        }

        if (lambda.ExpressionBody is { } body)
        {
            return IsChainOn(body, parameter) ? lambda.WithExpressionBody(Append(body, method, arguments)) : null;
        }

        if (lambda.Block is not { Statements.Count: > 0 } block
            || block.Statements.Any(static s => s is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax))
            || block.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax).Any(static n => n is ReturnStatementSyntax))
        {
            return null;
        }

        var last = block.Statements[block.Statements.Count - 1];
        if (last is ExpressionStatementSyntax { Expression: var expression } statement && IsChainOn(expression, parameter))
        {
            return lambda.WithBlock(block.ReplaceNode(statement, statement.WithExpression(Append(expression, method, arguments))));
        }

        var added = SyntaxFactory.ExpressionStatement(Call(SyntaxFactory.IdentifierName(parameter), SyntaxFactory.Token(SyntaxKind.DotToken), method, arguments))
            .WithLeadingTrivia(last.GetLeadingTrivia().Where(static t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(last.GetTrailingTrivia());
        return lambda.WithBlock(block.WithStatements(block.Statements.Add(added)));
    }

    /// <summary><c>p.A().B()</c> (or just <c>p</c>): every call made on the result of the one before, starting at the parameter.</summary>
    private static bool IsChainOn(ExpressionSyntax expression, string parameter)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            expression = access.Expression;
        }

        return expression is IdentifierNameSyntax name && name.Identifier.ValueText == parameter;
    }

    /// <summary>Appends the call; on its own line, indented like the chain's last call, when that call starts a line.</summary>
    private static ExpressionSyntax Append(ExpressionSyntax chain, string method, ExpressionSyntax[] arguments)
    {
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
        var receiver = chain.WithoutTrailingTrivia();
        if (chain is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax last }
            && last.Expression.GetTrailingTrivia().Concat(last.OperatorToken.LeadingTrivia).Any(static t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            receiver = receiver.WithTrailingTrivia(last.Expression.GetTrailingTrivia());
            dot = dot.WithLeadingTrivia(last.OperatorToken.LeadingTrivia);
        }

        return Call(receiver, dot, method, arguments).WithTrailingTrivia(chain.GetTrailingTrivia());
    }

    private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, SyntaxToken dot, string method, ExpressionSyntax[] arguments) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
}
