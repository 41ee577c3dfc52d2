using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>Edits one entry of a <c>WithOrigins(...)</c> list: an argument, or an element of an inline array.</summary>
internal static class OriginListSyntax
{
    /// <summary>Removes <paramref name="entry"/>; when it was the only origin, removes the whole call. Null when that would not compile.</summary>
    public static SyntaxNode? RemoveEntry(SyntaxNode root, InvocationExpressionSyntax withOrigins, ExpressionSyntax entry)
    {
        switch (entry.Parent)
        {
            case ArgumentSyntax argument when argument.Parent == withOrigins.ArgumentList:
                return withOrigins.ArgumentList.Arguments.Count == 1
                    ? CallSyntax.RemoveCall(root, withOrigins)
                    : root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
            case InitializerExpressionSyntax initializer:
                return initializer.Expressions.Count == 1 && IsWholeArgument(initializer.Parent, withOrigins)
                    ? CallSyntax.RemoveCall(root, withOrigins)
                    : root.RemoveNode(entry, SyntaxRemoveOptions.KeepTrailingTrivia);
            case ExpressionElementSyntax element when element.Parent is CollectionExpressionSyntax collection:
                return collection.Elements.Count == 1 && IsWholeArgument(collection, withOrigins)
                    ? CallSyntax.RemoveCall(root, withOrigins)
                    : root.RemoveNode(element, SyntaxRemoveOptions.KeepTrailingTrivia);
            default:
                return null;
        }
    }

    /// <summary>Replaces <paramref name="entry"/> by one string literal per origin, in the same list.</summary>
    public static SyntaxNode? ReplaceWithSeveral(SyntaxNode root, ExpressionSyntax entry, IReadOnlyList<string> origins)
    {
        var literals = new List<ExpressionSyntax>();
        foreach (var origin in origins)
        {
            literals.Add(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(origin)));
        }

        switch (entry.Parent)
        {
            case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax:
                var arguments = new List<ArgumentSyntax>();
                foreach (var literal in literals)
                {
                    arguments.Add(SyntaxFactory.Argument(literal));
                }

                arguments[0] = arguments[0].WithLeadingTrivia(argument.GetLeadingTrivia());
                arguments[arguments.Count - 1] = arguments[arguments.Count - 1].WithTrailingTrivia(argument.GetTrailingTrivia());
                return root.ReplaceNode(argument, arguments);
            case InitializerExpressionSyntax:
                literals[0] = literals[0].WithLeadingTrivia(entry.GetLeadingTrivia());
                literals[literals.Count - 1] = literals[literals.Count - 1].WithTrailingTrivia(entry.GetTrailingTrivia());
                return root.ReplaceNode(entry, literals);
            case ExpressionElementSyntax element when element.Parent is CollectionExpressionSyntax:
                var elements = new List<CollectionElementSyntax>();
                foreach (var literal in literals)
                {
                    elements.Add(SyntaxFactory.ExpressionElement(literal));
                }

                elements[0] = elements[0].WithLeadingTrivia(element.GetLeadingTrivia());
                elements[elements.Count - 1] = elements[elements.Count - 1].WithTrailingTrivia(element.GetTrailingTrivia());
                return root.ReplaceNode(element, elements);
            default:
                return null;
        }
    }

    private static bool IsWholeArgument(SyntaxNode? array, InvocationExpressionSyntax withOrigins) =>
        array?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax list } && list == withOrigins.ArgumentList && list.Arguments.Count == 1;
}
