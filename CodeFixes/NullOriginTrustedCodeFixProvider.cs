using System.Composition;
using System.Linq;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS005: removes the "null" entry from the origin list (and the whole WithOrigins call when it was the only entry, or
/// reads the list from configuration instead), or the <c>origin == "null"</c> alternative of an origin predicate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullOriginTrustedCodeFixProvider)), Shared]
public sealed class NullOriginTrustedCodeFixProvider : CorsCodeFixProvider
{
    public const string RemoveNullOriginKey = "CORS005_RemoveNullOrigin";
    public const string UseConfiguredOriginsKey = "CORS005_UseConfiguredOrigins";

    public NullOriginTrustedCodeFixProvider()
        : base(DiagnosticIds.NullOriginTrusted)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        var model = context.Model;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is BinaryExpressionSyntax or InvocationExpressionSyntax && WithoutAlternative(root, (ExpressionSyntax)node) is { } withoutComparison)
        {
            context.RegisterRootFix("Stop accepting the \"null\" origin", withoutComparison, RemoveNullOriginKey, diagnostic);
            return;
        }

        if (node is not LiteralExpressionSyntax literal
            || CallSyntax.FindEnclosingWithOrigins(model, literal, context.CancellationToken) is not { } withOrigins)
        {
            return;
        }

        if (IsOnlyOrigin(withOrigins, literal) && ConfiguredOrigins.Find(model, withOrigins, context.CancellationToken) is { } configured)
        {
            // "null" was the policy's only origin: the list the app really needs goes to configuration.
            context.RegisterRootFix(
                "Allow only the origins listed in configuration",
                configured.ReplaceArguments(root, withOrigins),
                UseConfiguredOriginsKey,
                diagnostic);
        }

        if (OriginListSyntax.RemoveEntry(root, withOrigins, literal) is { } fixedRoot)
        {
            context.RegisterRootFix("Remove the \"null\" origin", fixedRoot, RemoveNullOriginKey, diagnostic);
        }
    }

    private static bool IsOnlyOrigin(InvocationExpressionSyntax withOrigins, LiteralExpressionSyntax literal) =>
        withOrigins.ArgumentList.Arguments.Count == 1
        && withOrigins.ArgumentList.Arguments[0].Expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().All(l => l == literal);

    /// <summary><c>a || origin == "null"</c> becomes <c>a</c>: the comparison was one alternative of what the predicate accepts.</summary>
    private static SyntaxNode? WithoutAlternative(SyntaxNode root, ExpressionSyntax comparison)
    {
        SyntaxNode current = comparison;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        if (current.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or)
        {
            return null;
        }

        var other = or.Left == current ? or.Right : or.Left;
        return root.ReplaceNode(or, other.WithTriviaFrom(or));
    }
}
