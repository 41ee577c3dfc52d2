using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS007: rewrites an origin literal to what the browser sends, or splits a joined list into separate origins.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginNeverMatchesCodeFixProvider)), Shared]
public sealed class OriginNeverMatchesCodeFixProvider : CodeFixProvider
{
    public const string UseBrowserOriginKey = "CORS007_UseBrowserOrigin";
    public const string SplitOriginsKey = "CORS007_SplitOrigins";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OriginNeverMatches);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(OriginNeverMatchesRule.BrowserOriginProperty, out var origin) && origin is not null)
            {
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(origin)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{origin}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))), UseBrowserOriginKey),
                    diagnostic);
            }
            else if (diagnostic.Properties.ContainsKey(OriginNeverMatchesRule.SplitProperty)
                && OriginText.SplitJoined(literal.Token.ValueText) is { Length: > 1 } origins
                && OriginListSyntax.ReplaceWithSeveral(root, literal, origins) is { } split)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Split into {origins.Length} origins", _ => Task.FromResult(context.Document.WithSyntaxRoot(split)), SplitOriginsKey),
                    diagnostic);
            }
        }
    }
}
