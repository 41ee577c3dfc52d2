using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS012: moves the <c>UseCors(...)</c> statement, with its comments, to the slot the analyzer computed (right after
/// UseRouting, or before authentication); also when that slot is in another method or document of the pipeline.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MisplacedUseCorsCodeFixProvider)), Shared]
public sealed class MisplacedUseCorsCodeFixProvider : CorsCodeFixProvider
{
    public const string MoveUseCorsKey = "CORS012_MoveUseCors";

    public MisplacedUseCorsCodeFixProvider()
        : base(DiagnosticIds.MisplacedUseCors)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        // Additional locations: [0] the conflicting call, [1] the slot.
        if (StatementInsertion.Read(diagnostic, DiagnosticProperties.Receiver, slotIndex: 1) is not { } move
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionStatementSyntax statement
            || CallSyntax.StatementCall(statement) is not { Expression: MemberAccessExpressionSyntax memberAccess })
        {
            return;
        }

        var description = move.Placement == DiagnosticProperties.After ? "after UseRouting()" : "to the correct position";
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Move UseCors {description}",
                cancellationToken => MoveAsync(context.Document, statement, memberAccess, move.Slot, move.Placement, move.Code, cancellationToken),
                MoveUseCorsKey),
            diagnostic);
    }

    private static async Task<Solution> MoveAsync(
        Document document,
        ExpressionStatementSyntax statement,
        MemberAccessExpressionSyntax memberAccess,
        Location slot,
        string placement,
        string receiver,
        CancellationToken cancellationToken)
    {
        // The moved statement calls UseCors on the receiver used at the slot (app, builder, ...), keeps its comments and,
        // when it discards the result, goes on discarding it.
        var comments = statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)).SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var moved = statement
            .ReplaceNode(memberAccess.Expression, SyntaxFactory.IdentifierName(receiver).WithTriviaFrom(memberAccess.Expression))
            .WithLeadingTrivia(SyntaxFactory.TriviaList(comments).Insert(0, SyntaxFactory.ElasticMarker))
            .WithTrailingTrivia(TrailingComment(statement) ?? SyntaxFactory.TriviaList(StatementInsertion.EndOfLine(statement.SyntaxTree.GetRoot(cancellationToken))))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var sameDocument = slot.SourceTree == statement.SyntaxTree;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        var toRemove = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
        if (sameDocument)
        {
            var tracked = root.TrackNodes(toRemove);
            var inserted = StatementInsertion.Insert(tracked, slot, placement, moved);
            if (inserted?.GetCurrentNode(toRemove) is not { } current)
            {
                return document.Project.Solution;
            }

            return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, inserted.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        var withoutStatement = root.RemoveNode(toRemove, SyntaxRemoveOptions.KeepNoTrivia)!;
        var solution = document.Project.Solution.WithDocumentSyntaxRoot(document.Id, withoutStatement);
        var target = slot.SourceTree is null ? null : solution.GetDocument(slot.SourceTree) ?? document.Project.Solution.GetDocument(slot.SourceTree);
        if (target is null || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } targetRoot
            || StatementInsertion.Insert(targetRoot, slot, placement, moved) is not { } newTargetRoot)
        {
            return document.Project.Solution;
        }

        return solution.WithDocumentSyntaxRoot(target.Id, newTargetRoot);
    }

    /// <summary>The statement's own trailing trivia when it holds a comment (<c>app.UseCors(); // why</c>), which moves with it.</summary>
    private static SyntaxTriviaList? TrailingComment(StatementSyntax statement)
    {
        var trailing = statement.GetTrailingTrivia();
        return trailing.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)) ? trailing : null;
    }
}
