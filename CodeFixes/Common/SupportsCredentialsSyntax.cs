using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary><c>SupportsCredentials = true</c> on a hand-built <c>CorsPolicy</c>: in its object initializer or as a statement.</summary>
internal static class SupportsCredentialsSyntax
{
    private const string CorsPolicy = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy";

    public static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(span)
            || root.FindNode(span, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
            || assignment.Span != span)
        {
            return null;
        }

        return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IPropertySymbol { Name: "SupportsCredentials" } property
            && property.ContainingType?.ToDisplayString() == CorsPolicy
                ? assignment
                : null;
    }

    /// <summary>Removes the initializer element or the whole statement; null for any other place (the value is used).</summary>
    public static SyntaxNode? Remove(SyntaxNode root, AssignmentExpressionSyntax assignment) => assignment.Parent switch
    {
        InitializerExpressionSyntax initializer => root.ReplaceNode(initializer, WithoutElement(initializer, assignment)),
        ExpressionStatementSyntax statement => root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia),
        _ => null,
    };

    /// <summary>
    /// Drops the element with the comma after it (or, for the last element, the comma before it), so the remaining
    /// elements keep their own lines and indentation.
    /// </summary>
    private static InitializerExpressionSyntax WithoutElement(InitializerExpressionSyntax initializer, ExpressionSyntax element)
    {
        var expressions = initializer.Expressions;
        var index = expressions.IndexOf(element);
        var items = expressions.GetWithSeparators();
        if (index < expressions.SeparatorCount)
        {
            items = items.RemoveAt(2 * index + 1).RemoveAt(2 * index);
        }
        else if (index > 0)
        {
            var previous = items[2 * index - 2];
            var kept = previous.WithTrailingTrivia(previous.GetTrailingTrivia().AddRange(element.GetTrailingTrivia()));
            items = items.RemoveAt(2 * index).RemoveAt(2 * index - 1).RemoveAt(2 * index - 2).Insert(2 * index - 2, kept);
        }
        else
        {
            items = items.RemoveAt(0);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
    }
}
