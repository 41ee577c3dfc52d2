using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS028: writes the string <c>"true"</c> as the value of the hand-written <c>Access-Control-Allow-Credentials</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialsValueNotTrueCodeFixProvider)), Shared]
public sealed class CredentialsValueNotTrueCodeFixProvider : CorsCodeFixProvider
{
    public const string WriteTrueKey = "CORS028_WriteTrue";

    public CredentialsValueNotTrueCodeFixProvider()
        : base(DiagnosticIds.CredentialsValueNotTrue)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
            || value.Span != diagnostic.Location.SourceSpan)
        {
            return;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("true")).WithTriviaFrom(value);
        context.RegisterRootFix("Write \"true\"", context.Root.ReplaceNode(value, literal), WriteTrueKey, diagnostic);
    }
}
