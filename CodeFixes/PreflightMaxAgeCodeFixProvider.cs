using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS009: clamps the preflight max age to two hours, the most Chromium honours.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PreflightMaxAgeCodeFixProvider)), Shared]
public sealed class PreflightMaxAgeCodeFixProvider : CodeFixProvider
{
    public const string ClampToTwoHoursKey = "CORS009_ClampToTwoHours";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PreflightMaxAgeTooLong);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        var argument = node as ArgumentSyntax ?? node.Parent as ArgumentSyntax;
        var value = argument?.Expression;
        if (value is null)
        {
            return;
        }

        var twoHours = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression("System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.IdentifierName("FromHours")),
                SyntaxFactory.ParseArgumentList("(2)"))
            .WithTriviaFrom(value);
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use TimeSpan.FromHours(2)", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, twoHours))), ClampToTwoHoursKey),
                diagnostic);
        }
    }
}
