using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS023: removes a second <c>UseCors</c> statement that applies the same policy as the first one on every path. The
/// first middleware already answers every request the second would, so the app behaves as before.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecondCorsMiddlewareCodeFixProvider)), Shared]
public sealed class SecondCorsMiddlewareCodeFixProvider : CorsCodeFixProvider
{
    public const string RemoveSecondUseCorsKey = "CORS023_RemoveSecondUseCors";

    public SecondCorsMiddlewareCodeFixProvider()
        : base(DiagnosticIds.SecondCorsMiddleware)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.SamePolicy)
            || context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement)
        {
            return;
        }

        // A top-level statement is wrapped in a GlobalStatement, which is what leaves the compilation unit.
        SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
        context.RegisterRootFix(
            "Remove the second UseCors, which applies the same policy",
            context.Root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!,
            RemoveSecondUseCorsKey,
            diagnostic);
    }
}
