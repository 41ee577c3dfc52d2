using System.Collections.Immutable;
using System.Composition;
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
/// CORS001: replaces the any-origin call with origins read from configuration, or removes <c>AllowCredentials()</c>.
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
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var anyOrigin = CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan);
            if (anyOrigin is not null && IsBuilderCall(model, anyOrigin, context.CancellationToken, "AllowAnyOrigin", "WithOrigins")
                && ConfiguredOrigins.Create(model, anyOrigin.SpanStart, context.CancellationToken) is { } origins)
            {
                var needsUsing = ConfiguredOrigins.NeedsUsing(model, anyOrigin.SpanStart, origins);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Read the allowed origins from configuration",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(UseConfiguredOrigins(root, anyOrigin, origins, needsUsing))),
                        UseConfiguredOriginsKey),
                    diagnostic);
            }

            if (diagnostic.AdditionalLocations.Count > 0
                && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                && CallSyntax.FindInvocation(root, diagnostic.AdditionalLocations[0].SourceSpan) is { } credentials
                && IsBuilderCall(model, credentials, context.CancellationToken, "AllowCredentials")
                && CallSyntax.RemoveCall(root, credentials) is { } withoutCredentials)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove AllowCredentials()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(withoutCredentials)),
                        RemoveCredentialsKey),
                    diagnostic);
            }
        }
    }

    private static SyntaxNode UseConfiguredOrigins(SyntaxNode root, InvocationExpressionSyntax anyOrigin, ExpressionSyntax origins, bool needsUsing)
    {
        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(origins)))
            .WithTriviaFrom(anyOrigin.ArgumentList);
        var replacement = anyOrigin.WithArgumentList(arguments);
        if (anyOrigin.Expression is MemberAccessExpressionSyntax memberAccess)
        {
            replacement = replacement.WithExpression(
                memberAccess.WithName(SyntaxFactory.IdentifierName("WithOrigins").WithTriviaFrom(memberAccess.Name)));
        }

        root = root.ReplaceNode(anyOrigin, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        return needsUsing ? ConfiguredOrigins.AddUsing(root) : root;
    }

    private static bool IsBuilderCall(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, params string[] names)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || method.ContainingType?.ToDisplayString() != "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder")
        {
            return false;
        }

        return System.Array.IndexOf(names, method.Name) >= 0;
    }
}
