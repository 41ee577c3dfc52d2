using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS009: clamps the preflight max age to two hours, the most Chromium honours.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PreflightMaxAgeTooLongCodeFixProvider)), Shared]
public sealed class PreflightMaxAgeTooLongCodeFixProvider : CorsCodeFixProvider
{
    public const string ClampToTwoHoursKey = "CORS009_ClampToTwoHours";

    public PreflightMaxAgeTooLongCodeFixProvider()
        : base(DiagnosticIds.PreflightMaxAgeTooLong)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var argument = node as ArgumentSyntax ?? node.Parent as ArgumentSyntax;
        if (argument?.Expression is not { } value)
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
        context.RegisterRootFix("Use TimeSpan.FromHours(2)", context.Root.ReplaceNode(value, twoHours), ClampToTwoHoursKey, diagnostic);
    }
}
