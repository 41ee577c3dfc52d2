using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>Inserts a statement at a slot computed by the analyzer: before or after a statement, or first in a block; in any document of the solution.</summary>
internal static class StatementInsertion
{
    /// <summary>The slot and statement a diagnostic carries, or null when it carries none.</summary>
    /// <paramref name="valueKey"/> names what the fix puts there: <see cref="DiagnosticProperties.Statement"/> or <see cref="DiagnosticProperties.Receiver"/>.
    public static (Location Slot, string Placement, string Code)? Read(Diagnostic diagnostic, string valueKey, int slotIndex = 0)
    {
        if (diagnostic.AdditionalLocations.Count <= slotIndex
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Placement, out var placement) || placement is null
            || !diagnostic.Properties.TryGetValue(valueKey, out var code) || code is null)
        {
            return null;
        }

        return (diagnostic.AdditionalLocations[slotIndex], placement, code);
    }

    /// <summary>
    /// Registers one action per statement the diagnostic carries at its slot. A diagnostic with several statements (one
    /// per line) names each in <see cref="DiagnosticProperties.Candidates"/>; that action's key is the key, a dot and the name.
    /// </summary>
    public static void RegisterFix(FixContext context, Diagnostic diagnostic, string title, string equivalenceKey)
    {
        if (Read(diagnostic, DiagnosticProperties.Statement) is { } insertion)
        {
            var solution = context.Document.Project.Solution;
            foreach (var (code, key) in Choices(diagnostic, insertion.Code, equivalenceKey))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, title, code),
                        cancellationToken => InsertAsync(solution, insertion.Slot, insertion.Placement, code, cancellationToken),
                        key),
                    diagnostic);
            }
        }
    }

    /// <summary>The statements a diagnostic carries, each with the equivalence key of its action.</summary>
    public static System.Collections.Generic.IEnumerable<(string Code, string Key)> Choices(Diagnostic diagnostic, string code, string equivalenceKey)
    {
        var statements = code.Split('\n');
        if (statements.Length == 1)
        {
            yield return (code, equivalenceKey);
            yield break;
        }

        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Candidates, out var candidates) || candidates is null)
        {
            yield break;
        }

        var names = candidates.Split('\n');
        for (var i = 0; i < statements.Length && i < names.Length; i++)
        {
            yield return (statements[i], equivalenceKey + "." + names[i]);
        }
    }

    public static async Task<Solution> InsertAsync(Solution solution, Location slot, string placement, string code, CancellationToken cancellationToken)
    {
        var document = slot.SourceTree is null ? null : solution.GetDocument(slot.SourceTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        var statement = SyntaxFactory.ParseStatement(code)
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(EndOfLine(root))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var newRoot = Insert(root, slot, placement, statement);
        return newRoot is null ? solution : solution.WithDocumentSyntaxRoot(document.Id, newRoot);
    }

    /// <summary>Inserts several statements at one slot, in the order given, in one edit of the slot's document.</summary>
    public static async Task<Solution> InsertAllAsync(Solution solution, Location slot, string placement, string[] codes, CancellationToken cancellationToken)
    {
        var document = slot.SourceTree is null ? null : solution.GetDocument(slot.SourceTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        // Each insertion leaves the slot statement where it is; after it, the last statement goes in first.
        var after = placement == DiagnosticProperties.After;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[after ? codes.Length - 1 - i : i];
            var statement = SyntaxFactory.ParseStatement(code)
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(EndOfLine(root))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (Insert(root, slot, placement, statement) is not { } newRoot)
            {
                return solution;
            }

            root = newRoot;
        }

        return solution.WithDocumentSyntaxRoot(document.Id, root);
    }

    private static SyntaxTriviaList KeepComments(SyntaxTriviaList trivia)
    {
        var kept = new System.Collections.Generic.List<SyntaxTrivia>();
        foreach (var item in trivia)
        {
            if (!item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsEquivalentTo(SyntaxFactory.ElasticMarker))
            {
                kept.Add(item);
            }
        }

        return SyntaxFactory.TriviaList(kept);
    }

    /// <summary>The line break the document already uses.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>Inserts <paramref name="statement"/> into <paramref name="root"/>; null when the slot no longer has the expected shape.</summary>
    public static SyntaxNode? Insert(SyntaxNode root, Location slot, string placement, StatementSyntax statement)
    {
        var node = root.FindNode(slot.SourceSpan, getInnermostNodeForTie: true);
        if (placement == DiagnosticProperties.FirstInBlock)
        {
            var block = node.AncestorsAndSelf().OfType<BlockSyntax>().FirstOrDefault();
            return block is null ? null : root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(0, statement)));
        }

        var anchor = node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
        if (anchor is null)
        {
            return null;
        }

        // A top-level statement lives in a GlobalStatement member; insert a sibling member there.
        if (anchor.Parent is GlobalStatementSyntax global)
        {
            // Top-level statements are not indented; elastic trivia here would make the formatter add a blank line.
            var member = SyntaxFactory.GlobalStatement(statement.WithoutAnnotations(Formatter.Annotation).WithLeadingTrivia(KeepComments(statement.GetLeadingTrivia())));
            return placement == DiagnosticProperties.After ? root.InsertNodesAfter(global, new[] { member }) : root.InsertNodesBefore(global, new[] { member });
        }

        if (anchor.Parent is not BlockSyntax)
        {
            return null;
        }

        return placement == DiagnosticProperties.After ? root.InsertNodesAfter(anchor, new[] { statement }) : root.InsertNodesBefore(anchor, new[] { statement });
    }
}
