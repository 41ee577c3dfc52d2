using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS008: adds <c>.SetIsOriginAllowedToAllowWildcardSubdomains()</c> after the <c>WithOrigins</c> call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardSubdomainIgnoredCodeFixProvider)), Shared]
public sealed class WildcardSubdomainIgnoredCodeFixProvider : CorsCodeFixProvider
{
    public const string AllowWildcardSubdomainsKey = "CORS008_AllowWildcardSubdomains";

    private const string MethodName = "SetIsOriginAllowedToAllowWildcardSubdomains";

    public WildcardSubdomainIgnoredCodeFixProvider()
        : base(DiagnosticIds.WildcardSubdomainIgnored)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.SharedHostingWildcard))
        {
            // Strangers publish sites under a shared hosting domain: the flag would trust them all (CORS004).
            return;
        }

        var root = context.Root;
        var model = context.Model;
        var withOrigins = FindWithOrigins(root, model, diagnostic, context);
        if (withOrigins?.Expression is not MemberAccessExpressionSyntax memberAccess)
        {
            return;
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

        context.RegisterRootFix(
            "Add SetIsOriginAllowedToAllowWildcardSubdomains()",
            root.ReplaceNode(withOrigins, call),
            AllowWildcardSubdomainsKey,
            diagnostic);
    }

    private static InvocationExpressionSyntax? FindWithOrigins(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, FixContext context)
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
