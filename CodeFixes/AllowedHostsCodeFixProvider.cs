using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS020: the <c>WithOrigins(...)</c> arguments that read <c>AllowedHosts</c> become
/// <c>configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []</c>, a key of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowedHostsCodeFixProvider)), Shared]
public sealed class AllowedHostsCodeFixProvider : CodeFixProvider
{
    public const string ReadDedicatedKeyKey = "CORS020_ReadDedicatedKey";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AllowedHostsAsOrigins);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            // The read must be written in the WithOrigins arguments: a read through a local may have other uses.
            var read = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (CallSyntax.FindEnclosingWithOrigins(model, read, context.CancellationToken) is not { } withOrigins
                || !withOrigins.ArgumentList.Span.Contains(read.Span)
                || ConfiguredOrigins.Find(model, withOrigins, context.CancellationToken) is not { } configured)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the origins from '{ConfiguredOrigins.SectionKey}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(configured.ReplaceArguments(root, withOrigins))),
                    ReadDedicatedKeyKey),
                diagnostic);
        }
    }
}
