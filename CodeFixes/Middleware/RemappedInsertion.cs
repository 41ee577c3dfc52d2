using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>
/// Inserts a statement at a slot the analyzer computed on the original text, after other edits of the same fix: the
/// slot's node is marked before the edits and found again after them, so that removals next to it cannot shift it.
/// </summary>
internal static class RemappedInsertion
{
    /// <summary>Marks the node at <paramref name="slot"/> in the editor of its document.</summary>
    public static async Task<SyntaxAnnotation> MarkAsync(SolutionEditor editor, DocumentId documentId, Location slot, CancellationToken cancellationToken)
    {
        var annotation = new SyntaxAnnotation("CorsAnalyzers.Slot");
        var documentEditor = await editor.GetDocumentEditorAsync(documentId, cancellationToken).ConfigureAwait(false);
        var node = documentEditor.OriginalRoot.FindNode(slot.SourceSpan, getInnermostNodeForTie: true);
        documentEditor.ReplaceNode(node, (current, _) => current.WithAdditionalAnnotations(annotation));
        return annotation;
    }

    /// <summary>Inserts at the marked node of the current version of the document; no change when the node is gone.</summary>
    public static async Task<Solution> InsertAsync(Solution solution, DocumentId documentId, SyntaxAnnotation mark, string placement, string code, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(documentId);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || root.GetAnnotatedNodes(mark).FirstOrDefault() is not { } anchor)
        {
            return solution;
        }

        return await StatementInsertion.InsertAsync(solution, Location.Create(root.SyntaxTree, anchor.Span), placement, code, cancellationToken).ConfigureAwait(false);
    }
}
