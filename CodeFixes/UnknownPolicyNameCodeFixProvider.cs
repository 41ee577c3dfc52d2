using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS013: replaces an unknown policy name with an existing one; one action per candidate, closest first.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownPolicyNameCodeFixProvider)), Shared]
public sealed class UnknownPolicyNameCodeFixProvider : CorsCodeFixProvider
{
    /// <summary>Each action's key is this prefix, a dot, and the policy name it uses.</summary>
    public const string UseExistingPolicyKey = "CORS013_UseExistingPolicy";

    public UnknownPolicyNameCodeFixProvider()
        : base(DiagnosticIds.UnknownPolicyName)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Candidates, out var candidates) || string.IsNullOrEmpty(candidates)
            || FindNameExpression(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } literal)
        {
            return;
        }

        foreach (var candidate in candidates!.Split('\n'))
        {
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(candidate)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use policy '{candidate}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    UseExistingPolicyKey + "." + candidate),
                diagnostic);
        }
    }

    /// <summary>
    /// The expression that names the policy in <c>UseCors("x")</c>, <c>RequireCors("x")</c> or <c>[EnableCors("x")]</c>: a
    /// string literal, or in an attribute a constant (<c>[EnableCors(Policies.Frontend)]</c>), which the existing name replaces
    /// there only (the constant may name other things).
    /// </summary>
    private static ExpressionSyntax? FindNameExpression(SyntaxNode node)
    {
        if (node is AttributeSyntax { ArgumentList: { Arguments.Count: > 0 } attributeArguments })
        {
            var first = attributeArguments.Arguments[0];
            return first.NameColon is null && first.NameEquals is null || first.NameEquals?.Name.Identifier.ValueText == "PolicyName"
                ? first.Expression is LiteralExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax ? first.Expression : null
                : null;
        }

        var invocation = node as InvocationExpressionSyntax ?? node.Parent as InvocationExpressionSyntax;
        var expressions = invocation?.ArgumentList.Arguments.Select(static a => a.Expression) ?? Enumerable.Empty<ExpressionSyntax>();
        return expressions.OfType<LiteralExpressionSyntax>().FirstOrDefault(static l => l.IsKind(SyntaxKind.StringLiteralExpression));
    }
}
