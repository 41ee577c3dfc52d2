using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS015: removes the [EnableCors] that conflicts with [DisableCors], keeping the comments and layout around it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConflictingCorsAttributesCodeFixProvider)), Shared]
public sealed class ConflictingCorsAttributesCodeFixProvider : CodeFixProvider
{
    public const string RemoveEnableCorsKey = "CORS015_RemoveEnableCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConflictingCorsAttributes);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { Parent: AttributeListSyntax list } attribute)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove [EnableCors]", _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, list, attribute))), RemoveEnableCorsKey),
                diagnostic);
        }
    }

    private static SyntaxNode Remove(SyntaxNode root, AttributeListSyntax list, AttributeSyntax attribute)
    {
        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        // The list goes; its leading trivia (indentation, doc comments) moves to what follows it.
        var next = list.GetLastToken().GetNextToken();
        var tracked = root.TrackNodes(list);
        tracked = tracked.ReplaceToken(tracked.FindToken(next.SpanStart), next.WithLeadingTrivia(list.GetLeadingTrivia()));
        return tracked.RemoveNode(tracked.GetCurrentNode(list)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
