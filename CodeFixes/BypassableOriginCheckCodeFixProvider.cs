using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS004: turns <c>host.EndsWith("contoso.com")</c> into an exact-or-subdomain check, and on the raw origin string also
/// requires https for subdomains. Offered only for plain host-name suffixes, where the intent is unambiguous.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BypassableOriginCheckCodeFixProvider)), Shared]
public sealed class BypassableOriginCheckCodeFixProvider : CodeFixProvider
{
    public const string ExactHostOrSubdomainKey = "CORS004_ExactHostOrSubdomain";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BypassableOriginCheck);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(BypassableOriginCheckRule.HostSuffixProperty, out var suffix) || suffix is null
                || CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan) is not { Expression: MemberAccessExpressionSyntax memberAccess } check
                || !IsSideEffectFree(memberAccess.Expression))
            {
                continue;
            }

            var onHost = diagnostic.Properties.TryGetValue(BypassableOriginCheckRule.CheckedValueProperty, out var checkedValue) && checkedValue == "Host";
            var replacement = Rewrite(memberAccess.Expression, check.ArgumentList, suffix, onHost).WithTriviaFrom(check);
            context.RegisterCodeFix(
                CodeAction.Create(
                    onHost ? $"Accept only '{suffix}' and its subdomains" : $"Accept only https://{suffix} and its https subdomains",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(check, replacement))),
                    ExactHostOrSubdomainKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax Rewrite(ExpressionSyntax value, ArgumentListSyntax arguments, string suffix, bool onHost)
    {
        var receiver = value.WithoutTrivia().ToString();
        var comparison = arguments.Arguments.Count > 1 ? arguments.Arguments[1].ToString() : null;
        string text;
        if (onHost)
        {
            var equals = comparison is null ? $"{receiver} == \"{suffix}\"" : $"string.Equals({receiver}, \"{suffix}\", {comparison})";
            var endsWith = comparison is null ? $"{receiver}.EndsWith(\".{suffix}\")" : $"{receiver}.EndsWith(\".{suffix}\", {comparison})";
            text = $"({equals} || {endsWith})";
        }
        else
        {
            var comparisonArgument = comparison ?? "System.StringComparison.OrdinalIgnoreCase";
            text = $"(string.Equals({receiver}, \"https://{suffix}\", {comparisonArgument}) || ({receiver}.StartsWith(\"https://\", {comparisonArgument}) && {receiver}.EndsWith(\".{suffix}\", {comparisonArgument})))";
        }

        return SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>The receiver is repeated in the rewrite, so it must not call anything that could have effects.</summary>
    private static bool IsSideEffectFree(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax)
            {
                return false;
            }

            if (node is PrefixUnaryExpressionSyntax prefix && (prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)))
            {
                return false;
            }
        }

        return true;
    }
}
