using System.Composition;
using System.Threading;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS007: rewrites an origin literal to what the browser sends, splits a joined list into separate origins (each as
/// the browser sends it), or removes a <c>"*"</c> that never matched next to real origins.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginNeverMatchesCodeFixProvider)), Shared]
public sealed class OriginNeverMatchesCodeFixProvider : CorsCodeFixProvider
{
    public const string UseBrowserOriginKey = "CORS007_UseBrowserOrigin";
    public const string SplitOriginsKey = "CORS007_SplitOrigins";
    public const string RemoveStarKey = "CORS007_RemoveStar";
    public const string RemoveNeverMatchingKey = "CORS007_RemoveNeverMatching";

    public OriginNeverMatchesCodeFixProvider()
        : base(DiagnosticIds.OriginNeverMatches)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        var model = context.Model;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax origin)
        {
            return;
        }

        var writtenOut = IsWrittenOut(origin);
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.BrowserOrigin, out var browserOrigin) && browserOrigin is not null)
        {
            var replacement = writtenOut
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(browserOrigin))
                : NamedPartThatIs(origin, browserOrigin, model, context.CancellationToken);
            if (replacement is not null)
            {
                context.RegisterRootFix(
                    $"Use '{browserOrigin}'{RevealsInsecureOrigin(diagnostic)}",
                    root.ReplaceNode(origin, replacement.WithTriviaFrom(origin)),
                    UseBrowserOriginKey,
                    diagnostic);
            }
        }
        else if (writtenOut && diagnostic.Properties.TryGetValue(DiagnosticProperties.Split, out var joined) && joined is not null
            && joined.Split(' ') is { Length: > 1 } origins
            && OriginListSyntax.ReplaceWithSeveral(root, origin, origins) is { } split)
        {
            context.RegisterRootFix(
                $"Split into {origins.Length} origins{RevealsInsecureOrigin(diagnostic)}",
                split,
                SplitOriginsKey,
                diagnostic);
        }
        else if (writtenOut && diagnostic.Properties.TryGetValue(DiagnosticProperties.RemoveEntry, out var removable)
            && model is not null
            && CallSyntax.FindEnclosingWithOrigins(model, origin, context.CancellationToken) is { } withOrigins
            && OriginListSyntax.RemoveEntry(root, withOrigins, origin) is { } withoutEntry)
        {
            var neverMatches = removable == DiagnosticProperties.NeverMatches;
            context.RegisterRootFix(
                neverMatches ? "Remove the origin, which never matches" : "Remove the '*' entry, which never matches",
                withoutEntry,
                neverMatches ? RemoveNeverMatchingKey : RemoveStarKey,
                diagnostic);
        }
    }

    /// <summary><c>Host + "/"</c> where the named part already is the origin the browser sends: that part.</summary>
    private static ExpressionSyntax? NamedPartThatIs(ExpressionSyntax origin, string browserOrigin, SemanticModel? model, CancellationToken cancellationToken) =>
        origin is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation && model is not null
        && model.GetConstantValue(concatenation.Left, cancellationToken) is { HasValue: true, Value: string left } && left == browserOrigin
            ? concatenation.Left
            : null;

    /// <summary>A string literal, or a concatenation of literals: text the fix can replace without losing a named constant.</summary>
    private static bool IsWrittenOut(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => IsWrittenOut(binary.Left) && IsWrittenOut(binary.Right),
        ParenthesizedExpressionSyntax parenthesized => IsWrittenOut(parenthesized.Expression),
        _ => false,
    };

    private static string RevealsInsecureOrigin(Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(DiagnosticProperties.RevealsInsecureOrigin) ? " (reveals an insecure origin)" : string.Empty;
}
