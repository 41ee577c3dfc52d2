using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS023: removes a second <c>UseCors</c> statement that applies the same policy as the first one on every path. The
/// first middleware already answers every request the second would, so the app behaves as before.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecondCorsMiddlewareCodeFixProvider)), Shared]
public sealed class SecondCorsMiddlewareCodeFixProvider : CodeFixProvider
{
    public const string RemoveSecondUseCorsKey = "CORS023_RemoveSecondUseCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecondCorsMiddleware);

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
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.SamePolicy)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement)
            {
                continue;
            }

            // A top-level statement is wrapped in a GlobalStatement, which is what leaves the compilation unit.
            SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the second UseCors, which applies the same policy",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!)),
                    RemoveSecondUseCorsKey),
                diagnostic);
        }
    }
}
