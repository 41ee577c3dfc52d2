using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>Inserts a statement at a slot the analyzer computed on the original text, after other edits of the same fix.</summary>
internal static class RemappedInsertion
{
    /// <summary>Inserts into the current version of a document, whose earlier edits may have moved the slot.</summary>
    public static async Task<Solution> InsertAsync(Solution solution, DocumentId documentId, Location slot, string placement, string code, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(documentId)!;
        var original = slot.SourceTree!;
        var current = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var span = slot.SourceSpan;
        if (current is not null && current != original)
        {
            // Map the slot through the text changes made to this document so far.
            foreach (var change in current.GetChanges(original).OrderBy(c => c.Span.Start))
            {
                if (change.Span.End <= slot.SourceSpan.Start)
                {
                    span = new Microsoft.CodeAnalysis.Text.TextSpan(span.Start + change.NewText!.Length - change.Span.Length, span.Length);
                }
            }
        }

        var location = Location.Create(current ?? original, span);
        var mapped = solution.WithDocumentSyntaxRoot(documentId, (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        return await StatementInsertion.InsertAsync(mapped, location, placement, code, cancellationToken).ConfigureAwait(false);
    }
}
