using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS001: replaces the any-origin call with origins read from configuration, or removes <c>AllowCredentials()</c>
/// (<c>SupportsCredentials = true</c> on a hand-built <c>CorsPolicy</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnyOriginWithCredentialsCodeFixProvider)), Shared]
public sealed class AnyOriginWithCredentialsCodeFixProvider : CodeFixProvider
{
    public const string UseConfiguredOriginsKey = "CORS001_UseConfiguredOrigins";
    public const string RemoveCredentialsKey = "CORS001_RemoveCredentials";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AnyOriginWithCredentials);

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
            var anyOrigin = CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan);
            if (anyOrigin is not null && CallSyntax.IsBuilderCall(model, anyOrigin, context.CancellationToken, "AllowAnyOrigin", "WithOrigins")
                && ConfiguredOrigins.Create(model, anyOrigin.SpanStart, context.CancellationToken) is { } origins)
            {
                var needsUsing = ConfiguredOrigins.NeedsUsing(model, anyOrigin.SpanStart, origins);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Read the allowed origins from configuration",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(ConfiguredOrigins.ReplaceCall(root, anyOrigin, origins, needsUsing))),
                        UseConfiguredOriginsKey),
                    diagnostic);
            }

            if (diagnostic.AdditionalLocations.Count > 0
                && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                && CallSyntax.FindInvocation(root, diagnostic.AdditionalLocations[0].SourceSpan) is { } credentials
                && CallSyntax.IsBuilderCall(model, credentials, context.CancellationToken, "AllowCredentials")
                && CallSyntax.RemoveCall(root, credentials) is { } withoutCredentials)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove AllowCredentials()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(withoutCredentials)),
                        RemoveCredentialsKey),
                    diagnostic);
            }
            else if (diagnostic.AdditionalLocations.Count > 0
                && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                && SupportsCredentialsSyntax.FindAssignment(root, model, diagnostic.AdditionalLocations[0].SourceSpan, context.CancellationToken) is { } assignment
                && SupportsCredentialsSyntax.Remove(root, assignment) is { } withoutSupportsCredentials)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove SupportsCredentials = true",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(withoutSupportsCredentials)),
                        RemoveCredentialsKey),
                    diagnostic);
            }
        }
    }
}
