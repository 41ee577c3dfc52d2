using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS008: adds <c>.SetIsOriginAllowedToAllowWildcardSubdomains()</c> after the <c>WithOrigins</c> call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardSubdomainCodeFixProvider)), Shared]
public sealed class WildcardSubdomainCodeFixProvider : CodeFixProvider
{
    public const string AllowWildcardSubdomainsKey = "CORS008_AllowWildcardSubdomains";

    private const string MethodName = "SetIsOriginAllowedToAllowWildcardSubdomains";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WildcardSubdomainIgnored);

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
            var withOrigins = FindWithOrigins(root, model, diagnostic, context);
            if (withOrigins?.Expression is not MemberAccessExpressionSyntax memberAccess)
            {
                continue;
            }

            // Continue the chain on its own line when the chain is laid out one call per line.
            var dot = SyntaxFactory.Token(SyntaxKind.DotToken).WithLeadingTrivia(memberAccess.OperatorToken.LeadingTrivia);
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    withOrigins.WithoutTrailingTrivia(),
                    dot,
                    SyntaxFactory.IdentifierName(MethodName)))
                .WithTrailingTrivia(withOrigins.GetTrailingTrivia());
            if (memberAccess.OperatorToken.LeadingTrivia.Count > 0)
            {
                call = call.ReplaceNode(
                    ((MemberAccessExpressionSyntax)call.Expression).Expression,
                    withOrigins.WithoutTrailingTrivia().WithTrailingTrivia(memberAccess.Expression.GetTrailingTrivia()));
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add SetIsOriginAllowedToAllowWildcardSubdomains()", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(withOrigins, call))), AllowWildcardSubdomainsKey),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax? FindWithOrigins(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CodeFixContext context)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (CallSyntax.FindEnclosingWithOrigins(model, node, context.CancellationToken) is { } direct)
        {
            return direct;
        }

        // The literal sits in a constant elsewhere: the use is the additional location.
        foreach (var use in diagnostic.AdditionalLocations)
        {
            if (use.SourceTree == root.SyntaxTree
                && CallSyntax.FindInvocation(root, use.SourceSpan) is { } invocation
                && CallSyntax.IsBuilderCall(model, invocation, context.CancellationToken, "WithOrigins"))
            {
                return invocation;
            }
        }

        return null;
    }
}
