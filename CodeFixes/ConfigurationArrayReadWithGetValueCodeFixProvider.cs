using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS019: <c>configuration.GetValue&lt;T&gt;(key)</c> becomes <c>configuration.GetSection(key).Get&lt;T&gt;()</c>, which binds
/// the array; a default value argument becomes a <c>??</c> fallback, and a fallback already written stays.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigurationArrayReadWithGetValueCodeFixProvider)), Shared]
public sealed class ConfigurationArrayReadWithGetValueCodeFixProvider : CorsCodeFixProvider
{
    public const string BindSectionKey = "CORS019_BindSection";

    public ConfigurationArrayReadWithGetValueCodeFixProvider()
        : base(DiagnosticIds.ConfigurationArrayReadWithGetValue)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (CallSyntax.FindInvocation(context.Root, diagnostic.Location.SourceSpan) is not { } getValue
            || context.Model.GetSymbolInfo(getValue, context.CancellationToken).Symbol is not IMethodSymbol { Name: "GetValue", TypeArguments.Length: 1 } method
            || Rewrite(getValue, method) is not { } replacement)
        {
            return;
        }

        context.RegisterRootFix(
            "Bind the section with GetSection(key).Get<T>()",
            context.Root.ReplaceNode(getValue, replacement.WithTriviaFrom(getValue)),
            BindSectionKey,
            diagnostic);
    }

    private static ExpressionSyntax? Rewrite(InvocationExpressionSyntax getValue, IMethodSymbol method)
    {
        var arguments = getValue.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }
        }

        var name = CallSyntax.GetName(getValue) as GenericNameSyntax;
        if (name is null)
        {
            return null;
        }

        var get = SyntaxFactory.GenericName(SyntaxFactory.Identifier("Get"), name.TypeArgumentList);
        ExpressionSyntax bound;
        ArgumentSyntax? fallback;
        if (method.MethodKind == MethodKind.ReducedExtension && arguments.Count is 1 or 2)
        {
            // configuration.GetValue<T>(key[, default]) and configuration?.GetValue<T>(key).
            var getSection = getValue
                .WithExpression(ReplaceName(getValue.Expression, SyntaxFactory.IdentifierName("GetSection")))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(arguments[0])));
            bound = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, getSection, get));
            fallback = arguments.Count == 2 ? arguments[1] : null;
        }
        else if (method.MethodKind == MethodKind.Ordinary && method.IsStatic && arguments.Count is 2 or 3 && getValue.Expression is MemberAccessExpressionSyntax access)
        {
            // ConfigurationBinder.GetValue<T>(configuration, key[, default]).
            var section = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(arguments[0].Expression), SyntaxFactory.IdentifierName("GetSection")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(arguments[1])));
            bound = SyntaxFactory.InvocationExpression(
                access.WithName(get),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(section))));
            fallback = arguments.Count == 3 ? arguments[2] : null;
        }
        else
        {
            return null;
        }

        if (fallback is null)
        {
            return bound;
        }

        ExpressionSyntax coalesce = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, bound, fallback.Expression.WithoutTrivia());
        return getValue.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or ParenthesizedExpressionSyntax
            ? coalesce
            : SyntaxFactory.ParenthesizedExpression(coalesce);
    }

    private static ExpressionSyntax ReplaceName(ExpressionSyntax expression, SimpleNameSyntax name) => expression switch
    {
        MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
        MemberBindingExpressionSyntax binding => binding.WithName(name.WithTriviaFrom(binding.Name)),
        _ => expression,
    };

    /// <summary>A receiver for <c>.GetSection(...)</c>: parenthesized unless it already binds tighter than member access.</summary>
    private static ExpressionSyntax Receiver(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
}
