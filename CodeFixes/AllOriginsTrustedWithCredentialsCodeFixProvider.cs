using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS002: replaces the always-true origin predicate with origins read from configuration.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllOriginsTrustedWithCredentialsCodeFixProvider)), Shared]
public sealed class AllOriginsTrustedWithCredentialsCodeFixProvider : CodeFixProvider
{
    public const string UseConfiguredOriginsKey = "CORS002_UseConfiguredOrigins";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AllOriginsTrustedWithCredentials);

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
            if (CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan) is { } predicate
                && CallSyntax.IsBuilderCall(model, predicate, context.CancellationToken, "SetIsOriginAllowed")
                && ConfiguredOrigins.Find(model, predicate, context.CancellationToken) is { } origins)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Allow only the origins listed in configuration",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(origins.ReplaceCall(root, predicate))),
                        UseConfiguredOriginsKey),
                    diagnostic);
            }
        }
    }
}
