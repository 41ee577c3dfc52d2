using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS005: removes the "null" entry from the origin list (and the whole WithOrigins call when it was the only entry).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullOriginCodeFixProvider)), Shared]
public sealed class NullOriginCodeFixProvider : CodeFixProvider
{
    public const string RemoveNullOriginKey = "CORS005_RemoveNullOrigin";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NullOriginTrusted);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || CallSyntax.FindEnclosingWithOrigins(model, literal, context.CancellationToken) is not { } withOrigins
                || OriginListSyntax.RemoveEntry(root, withOrigins, literal) is not { } fixedRoot)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the \"null\" origin", _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), RemoveNullOriginKey),
                diagnostic);
        }
    }
}
