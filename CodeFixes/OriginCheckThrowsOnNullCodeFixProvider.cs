using System.Collections.Generic;
using System.Composition;
using System.Linq;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS026: parses the origin once with <c>Uri.TryCreate(origin, UriKind.Absolute, out var uri)</c> and uses <c>uri</c> where
/// the check wrote <c>new Uri(origin)</c>. An expression body becomes <c>Uri.TryCreate(...) &amp;&amp; (body)</c>; a block
/// body starts with <c>if (!Uri.TryCreate(...)) return false;</c>. What does not parse is rejected; the check's own logic is
/// kept, so it never accepts more than before.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginCheckThrowsOnNullCodeFixProvider)), Shared]
public sealed class OriginCheckThrowsOnNullCodeFixProvider : CorsCodeFixProvider
{
    public const string UseTryCreateKey = "CORS026_UseTryCreate";

    public OriginCheckThrowsOnNullCodeFixProvider()
        : base(DiagnosticIds.OriginCheckThrowsOnNull)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ObjectCreationExpressionSyntax creation
            || creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is not IdentifierNameSyntax origin
            || context.Model.GetSymbolInfo(origin, context.CancellationToken).Symbol is not IParameterSymbol parameter)
        {
            return;
        }

        // The function whose parameter the origin is: a lambda, or the method of a method group.
        var function = FunctionOf(parameter, creation);
        if (function is null)
        {
            return;
        }

        var creations = function.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
            .Where(c => c.ArgumentList?.Arguments.FirstOrDefault()?.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == parameter.Name
                && SymbolEqualityComparer.Default.Equals(context.Model.GetSymbolInfo(c, context.CancellationToken).Symbol?.ContainingType, context.Model.GetSymbolInfo(creation, context.CancellationToken).Symbol?.ContainingType))
            .ToList();
        var taken = FreshName.IdentifiersIn(function);
        var name = FreshName.Pick("uri", taken.Contains);
        var uri = SyntaxFactory.IdentifierName(name);
        // Written as the check wrote its type: "Uri" is in scope where "new Uri(...)" compiled.
        var system = creation.Type is IdentifierNameSyntax { Identifier.ValueText: "Uri" } ? string.Empty : "System.";
        var tryCreateText = $"{system}Uri.TryCreate({parameter.Name}, {system}UriKind.Absolute, out var {name})";
        var tryCreate = SyntaxFactory.ParseExpression(tryCreateText);

        SyntaxNode? rewritten = function switch
        {
            LambdaExpressionSyntax { Body: ExpressionSyntax body } lambda => lambda.WithBody(Guarded(body)),
            MethodDeclarationSyntax { ExpressionBody: { Expression: { } body } arrow } method => method.WithExpressionBody(arrow.WithExpression(Guarded(body))),
            LocalFunctionStatementSyntax { ExpressionBody: { Expression: { } body } arrow } local => local.WithExpressionBody(arrow.WithExpression(Guarded(body))),
            LambdaExpressionSyntax { Body: BlockSyntax block } lambda => lambda.WithBody(Started(block)),
            MethodDeclarationSyntax { Body: { } block } method => method.WithBody(Started(block)),
            LocalFunctionStatementSyntax { Body: { } block } local => local.WithBody(Started(block)),
            _ => null,
        };
        if (rewritten is null)
        {
            return;
        }

        context.RegisterRootFix("Parse the origin with Uri.TryCreate", context.Root.ReplaceNode(function, rewritten), UseTryCreateKey, diagnostic);

        ExpressionSyntax Guarded(ExpressionSyntax body)
        {
            var replaced = Replace(body);
            var operand = replaced is BinaryExpressionSyntax or ConditionalExpressionSyntax or IsPatternExpressionSyntax
                ? SyntaxFactory.ParenthesizedExpression(replaced.WithoutTrivia())
                : replaced.WithoutTrivia();
            return SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, tryCreate, operand).WithTriviaFrom(body);
        }

        BlockSyntax Started(BlockSyntax block)
        {
            var replaced = Replace(block);
            var guard = SyntaxFactory.ParseStatement($"if (!{tryCreateText}) return false;\n")
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            return replaced.WithStatements(replaced.Statements.Insert(0, guard));
        }

        T Replace<T>(T node)
            where T : SyntaxNode =>
            node.ReplaceNodes(creations.Where(c => node.Span.Contains(c.Span)), (original, _) => uri.WithTriviaFrom(original));
    }

    private static SyntaxNode? FunctionOf(IParameterSymbol parameter, SyntaxNode node)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            for (var current = declaration.Parent; current is not null; current = current.Parent)
            {
                if (current is LambdaExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax)
                {
                    return current.Span.Contains(node.Span) ? current : null;
                }
            }
        }

        return null;
    }
}
