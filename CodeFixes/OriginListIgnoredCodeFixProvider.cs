using System.Collections.Immutable;
using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS021: makes the origin predicate accept the listed origins too, keeping its own logic. The policy then allows exactly
/// the listed origins plus what the predicate allowed before: <c>o =&gt; o.EndsWith(".contoso.com")</c> becomes
/// <c>o =&gt; o == "https://partner.example" || o.EndsWith(".contoso.com")</c>, a block body gets an early
/// <c>return true</c>, and a method group is wrapped in a lambda (the method itself may serve other policies).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginListIgnoredCodeFixProvider)), Shared]
public sealed class OriginListIgnoredCodeFixProvider : CorsCodeFixProvider
{
    public const string AcceptListedOriginsKey = "CORS021_AcceptListedOrigins";

    public OriginListIgnoredCodeFixProvider()
        : base(DiagnosticIds.OriginListIgnored)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (CallSyntax.FindInvocation(context.Root, diagnostic.Location.SourceSpan) is not { ArgumentList.Arguments: { Count: 1 } arguments }
            || Rewrite(arguments[0].Expression, diagnostic.Properties) is not { } replacement)
        {
            return;
        }

        var predicate = arguments[0].Expression;
        var newRoot = context.Root.ReplaceNode(predicate, replacement.WithTriviaFrom(predicate));
        context.RegisterRootFix(
            "Make the origin check accept the listed origins too",
            diagnostic.Properties.ContainsKey(DiagnosticProperties.NeedsLinq) ? Imports.AddUsing(newRoot, "System.Linq") : newRoot,
            AcceptListedOriginsKey,
            diagnostic);
    }

    private static ExpressionSyntax? Rewrite(ExpressionSyntax predicate, ImmutableDictionary<string, string?> properties)
    {
        switch (predicate)
        {
            case SimpleLambdaExpressionSyntax simple:
                return Lambda(simple, simple.Parameter.Identifier.ValueText, properties);
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: { Count: 1 } parameters } parenthesized:
                return Lambda(parenthesized, parameters[0].Identifier.ValueText, properties);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var taken = FreshName.IdentifiersIn(predicate.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)predicate.SyntaxTree.GetRoot());
                var origin = FreshName.Pick("origin", taken.Contains);
                if (Check(origin, properties) is not { } check)
                {
                    return null;
                }

                var call = SyntaxFactory.InvocationExpression(predicate.WithoutTrivia(), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(origin)))));
                return SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(origin)), Or(check, call))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Lambda(LambdaExpressionSyntax lambda, string origin, ImmutableDictionary<string, string?> properties)
    {
        if (Check(origin, properties) is not { } check)
        {
            return null;
        }

        if (lambda.ExpressionBody is { } body)
        {
            return lambda.WithExpressionBody(Or(check, body.WithoutTrivia()).WithTriviaFrom(body));
        }

        if (lambda.Block is not { } block)
        {
            return null;
        }

        var early = SyntaxFactory.IfStatement(check.NormalizeWhitespace(), SyntaxFactory.Block(SyntaxFactory.ReturnStatement(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return lambda.WithBlock(block.WithStatements(block.Statements.Insert(0, early)));
    }

    /// <summary>The test that accepts the listed origins: <c>o == "https://a.com" || o == "https://b.com"</c>, or <c>allowed.Contains(o)</c>.</summary>
    private static ExpressionSyntax? Check(string origin, ImmutableDictionary<string, string?> properties)
    {
        var parameter = SyntaxFactory.IdentifierName(origin);
        if (properties.TryGetValue(DiagnosticProperties.OriginList, out var list) && list is { Length: > 0 })
        {
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(list), SyntaxFactory.IdentifierName("Contains")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(parameter))));
        }

        if (!properties.TryGetValue(DiagnosticProperties.ListedOrigins, out var literals) || literals is not { Length: > 0 })
        {
            return null;
        }

        ExpressionSyntax? check = null;
        foreach (var literal in literals.Split('\n'))
        {
            if (SyntaxFactory.ParseExpression(literal) is not LiteralExpressionSyntax value)
            {
                return null;
            }

            var equals = SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, parameter, value);
            check = check is null ? equals : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression, check, equals);
        }

        return check;
    }

    private static ExpressionSyntax Or(ExpressionSyntax check, ExpressionSyntax original)
    {
        // '||' binds looser than everything but ?:, ??, assignments, lambdas and switch expressions: keep those grouped.
        var grouped = original is ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax or SwitchExpressionSyntax
            || original.IsKind(SyntaxKind.CoalesceExpression)
            ? SyntaxFactory.ParenthesizedExpression(original)
            : original;
        return SyntaxFactory.BinaryExpression(
            SyntaxKind.LogicalOrExpression,
            check.NormalizeWhitespace().WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.Token(SyntaxKind.BarBarToken).WithTrailingTrivia(SyntaxFactory.Space),
            grouped);
    }
}
