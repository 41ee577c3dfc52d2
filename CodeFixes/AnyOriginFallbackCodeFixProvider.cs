using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS030: the fallback for missing configuration allows no origin instead of every origin, keeping the branch:
/// <c>AllowAnyOrigin()</c> and <c>WithOrigins("*")</c> become <c>WithOrigins()</c>, an always-true predicate becomes
/// <c>_ =&gt; false</c>, <c>?? new[] { "*" }</c> becomes <c>?? []</c> (<c>Array.Empty&lt;string&gt;()</c> before C# 12), and
/// <c>(value ?? "*").Split(...)</c> becomes <c>value?.Split(...) ?? []</c>. A bare <c>value ?? "*"</c> origin gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnyOriginFallbackCodeFixProvider)), Shared]
public sealed class AnyOriginFallbackCodeFixProvider : CorsCodeFixProvider
{
    public const string AllowNoOriginKey = "CORS030_AllowNoOrigin";

    public AnyOriginFallbackCodeFixProvider()
        : base(DiagnosticIds.AnyOriginFallback)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var (target, replacement) = node is ExpressionSyntax { Parent: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce } fallback
            && coalesce.Right == fallback
                ? FallbackFix(context, coalesce, fallback)
                : CallFix(context, diagnostic);
        if (target is null || replacement is null)
        {
            return;
        }

        context.RegisterRootFix("Allow no origin when the setting is missing", context.Root.ReplaceNode(target, replacement), AllowNoOriginKey, diagnostic);
    }

    private static (SyntaxNode?, SyntaxNode?) CallFix(FixContext context, Diagnostic diagnostic)
    {
        if (CallSyntax.FindInvocation(context.Root, diagnostic.Location.SourceSpan) is not { } call || CallSyntax.GetName(call) is not { } name)
        {
            return (null, null);
        }

        if (CallSyntax.IsBuilderCall(context.Model, call, context.CancellationToken, "AllowAnyOrigin", "WithOrigins"))
        {
            var withOrigins = SyntaxFactory.IdentifierName("WithOrigins").WithTriviaFrom(name);
            var renamed = call.ReplaceNode(name, withOrigins);
            return (call, renamed.WithArgumentList(renamed.ArgumentList.WithArguments(default)));
        }

        if (CallSyntax.IsBuilderCall(context.Model, call, context.CancellationToken, "SetIsOriginAllowed") && call.ArgumentList.Arguments.Count == 1)
        {
            var argument = call.ArgumentList.Arguments[0];
            var never = SyntaxFactory.ParseExpression("_ => false").WithTriviaFrom(argument.Expression);
            return (argument.Expression, never);
        }

        return (null, null);
    }

    private static (SyntaxNode?, SyntaxNode?) FallbackFix(FixContext context, BinaryExpressionSyntax coalesce, ExpressionSyntax fallback)
    {
        var collections = ((CSharpParseOptions)coalesce.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12;
        if (fallback is not LiteralExpressionSyntax)
        {
            var type = context.Model.GetTypeInfo(coalesce, context.CancellationToken).ConvertedType;
            if (collections)
            {
                return (fallback, SyntaxFactory.ParseExpression("[]").WithTriviaFrom(fallback));
            }

            return type is IArrayTypeSymbol ? (fallback, EmptyArray().WithTriviaFrom(fallback)) : (null, null);
        }

        // (value ?? "*").Split(...): value?.Split(...) ?? []
        if (coalesce.Parent is ParenthesizedExpressionSyntax { Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Split", Parent: InvocationExpressionSyntax split } access } parenthesized
            && access.Expression == parenthesized)
        {
            var value = coalesce.Left.WithoutTrivia();
            var empty = collections ? SyntaxFactory.ParseExpression("[]") : EmptyArray();
            var text = $"{Parenthesize(value)}?.Split{split.ArgumentList} ?? {empty}";
            return (split, SyntaxFactory.ParseExpression(text).WithTriviaFrom(split).WithAdditionalAnnotations(Simplifier.Annotation));
        }

        return (null, null);
    }

    private static string Parenthesize(ExpressionSyntax value) =>
        value is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax ? value.ToString() : $"({value})";

    private static ExpressionSyntax EmptyArray() =>
        SyntaxFactory.ParseExpression("System.Array.Empty<string>()").WithAdditionalAnnotations(Simplifier.Annotation);
}
