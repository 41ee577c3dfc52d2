using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.CodeFixes.Common;

internal static class CallSyntax
{
    /// <summary>
    /// The invocation a diagnostic points at: its span runs from the method name to the closing parenthesis,
    /// so the invocation is the innermost one that ends where the span ends.
    /// </summary>
    public static InvocationExpressionSyntax? FindInvocation(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        for (var node = root.FindNode(span, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax invocation && invocation.Span.End == span.End && invocation.Span.Contains(span))
            {
                return invocation;
            }

            if (node.Span.End > span.End || node is StatementSyntax)
            {
                return null;
            }
        }

        return null;
    }

    private const string CorsPolicyBuilder = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";

    /// <summary>True when <paramref name="invocation"/> calls one of <paramref name="names"/> on the framework's CorsPolicyBuilder.</summary>
    public static bool IsBuilderCall(SemanticModel model, InvocationExpressionSyntax invocation, System.Threading.CancellationToken cancellationToken, params string[] names) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
        && method.ContainingType?.ToDisplayString() == CorsPolicyBuilder
        && System.Array.IndexOf(names, method.Name) >= 0;

    /// <summary>The <c>WithOrigins(...)</c> call that <paramref name="node"/> is an argument (or array element) of.</summary>
    public static InvocationExpressionSyntax? FindEnclosingWithOrigins(SemanticModel model, SyntaxNode node, System.Threading.CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null and not StatementSyntax; current = current.Parent)
        {
            if (current is InvocationExpressionSyntax invocation && IsBuilderCall(model, invocation, cancellationToken, "WithOrigins"))
            {
                return invocation;
            }

            if (current is LambdaExpressionSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The call a statement makes: <c>app.UseCors();</c>, or with its result discarded, <c>_ = app.UseCors();</c>.</summary>
    public static InvocationExpressionSyntax? StatementCall(ExpressionStatementSyntax statement) => statement.Expression switch
    {
        InvocationExpressionSyntax invocation => invocation,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Right: InvocationExpressionSyntax invocation } assignment
            when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => invocation,
        _ => null,
    };

    /// <summary>The statement that makes nothing but <paramref name="invocation"/>, its result maybe discarded; null for a call in an expression.</summary>
    public static ExpressionStatementSyntax? Statement(InvocationExpressionSyntax invocation) =>
        (invocation.Parent is AssignmentExpressionSyntax assignment && assignment.Right == invocation ? assignment.Parent : invocation.Parent) is ExpressionStatementSyntax statement
        && StatementCall(statement) == invocation
            ? statement
            : null;

    /// <summary>The method name of <c>receiver.Name(...)</c> or <c>receiver?.Name(...)</c>.</summary>
    public static SimpleNameSyntax? GetName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
        _ => null,
    };

    /// <summary>
    /// Removes one call from a fluent chain or removes its statement, keeping the layout of what remains.
    /// Returns null when the call cannot be removed without leaving code that does not compile.
    /// </summary>
    public static SyntaxNode? RemoveCall(SyntaxNode root, InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax memberAccess)
        {
            return null;
        }

        var receiver = memberAccess.Expression;
        if (receiver is InvocationExpressionSyntax or ObjectCreationExpressionSyntax)
        {
            // b.A().Remove().C() -> b.A().C(); the line break before the removed call goes with it.
            var replacement = receiver.WithTrailingTrivia(invocation.GetTrailingTrivia());
            return root.ReplaceNode(invocation, replacement);
        }

        if (invocation.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } next && next.Expression == invocation)
        {
            // b.Remove().C() -> b.C(): the builder methods return the builder they were called on.
            return root.ReplaceNode(invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()));
        }

        if (invocation.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax)
        {
            var options = HasComments(statement.GetLeadingTrivia()) ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia;
            return root.RemoveNode(statement, options);
        }

        return null;
    }

    private static bool HasComments(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return true;
            }
        }

        return false;
    }
}
