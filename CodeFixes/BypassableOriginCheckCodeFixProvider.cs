using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS004: rewrites a bypassable origin check to what its author meant. Suffix, prefix and substring checks become
/// comparisons of scheme, host and port at their boundaries (<see cref="OriginCheckRewrite"/>); a regular expression gets
/// <c>^...$</c> anchors and escaped host dots. Offered only where the check decides acceptance (not under a negation), so the
/// rewrite only ever narrows what is accepted.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BypassableOriginCheckCodeFixProvider)), Shared]
public sealed class BypassableOriginCheckCodeFixProvider : CorsCodeFixProvider
{
    public const string ExactHostOrSubdomainKey = "CORS004_ExactHostOrSubdomain";
    public const string AnchorPatternKey = "CORS004_AnchorPattern";
    public const string UseConfiguredOriginsKey = "CORS004_UseConfiguredOrigins";

    public BypassableOriginCheckCodeFixProvider()
        : base(DiagnosticIds.BypassableOriginCheck)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        var model = context.Model;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.CheckKind, out var kind) || kind is null
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.CheckText, out var text) || text is null
            || CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan) is not { } check)
        {
            return;
        }

        var registered = kind is nameof(OriginCheckKind.UnanchoredRegex) or nameof(OriginCheckKind.UnescapedDotRegex)
            ? RegisterPatternFix(context, diagnostic, root, model, check, text)
            : RegisterExactFix(context, diagnostic, root, model, check, kind, text);
        if (!registered)
        {
            // The intended host cannot be derived (a shared hosting domain, a port, a word): only a list can say it.
            RegisterConfiguredFix(context, diagnostic, root, model, check);
        }
    }

    private static bool RegisterExactFix(FixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax check, string kind, string text)
    {
        var onHost = diagnostic.Properties.TryGetValue(DiagnosticProperties.CheckedValue, out var checkedValue) && checkedValue == "Host";
        if (kind is nameof(OriginCheckKind.SharedHostingSuffix)
            || OriginText.IsSharedHostingSuffix(text)
            || check.Expression is not MemberAccessExpressionSyntax memberAccess
            || !IsSideEffectFree(memberAccess.Expression)
            || OriginCheckRewrite.Target(check, memberAccess.Name.Identifier.ValueText) is not { } target
            || !OriginCheckRewrite.IsAcceptingPosition(target))
        {
            return false;
        }

        var comparison = check.ArgumentList.Arguments.Count > 1 ? check.ArgumentList.Arguments[1].ToString() : null;
        var rewrite = OriginCheckRewrite.Rewrite(
            memberAccess.Name.Identifier.ValueText,
            memberAccess.Expression.WithoutTrivia().ToString(),
            text,
            comparison,
            onHost,
            SystemPrefix(model, target.SpanStart),
            () => UnusedName(target, "originUri"));
        if (rewrite is null)
        {
            return false;
        }

        var replacement = SyntaxFactory.ParseExpression(rewrite).WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(target);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Compare the exact {(onHost ? "host" : "origin")} instead of {memberAccess.Name.Identifier.ValueText}(\"{text}\")",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, replacement))),
                ExactHostOrSubdomainKey),
            diagnostic);
        return true;
    }

    /// <summary>
    /// Replaces the check with <c>origins.Contains(origin)</c>, the origins listed in configuration (what CORS002's fix
    /// reads); the exact parts of the predicate stay. Only where the check decides acceptance, so nothing new passes.
    /// </summary>
    private static void RegisterConfiguredFix(FixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax check)
    {
        var name = CallSyntax.GetName(check)?.Identifier.ValueText;
        var target = name is null ? null : OriginCheckRewrite.Target(check, name);
        if (target is null
            || !OriginCheckRewrite.IsAcceptingPosition(target)
            || PredicateParameter(model, check, context.CancellationToken) is not { } origin
            || ConfiguredOrigins.Find(model, target, context.CancellationToken) is not { } origins)
        {
            return;
        }

        var needsLinq = model.GetSpeculativeSymbolInfo(target.SpanStart, SyntaxFactory.ParseExpression("Enumerable"), SpeculativeBindingOption.BindAsExpression).Symbol is null;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Allow only the origins listed in configuration",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(origins.ReplaceCheck(root, target, origin.Name, needsLinq))),
                UseConfiguredOriginsKey),
            diagnostic);
    }

    /// <summary>
    /// The origin parameter of the predicate that holds <paramref name="check"/>: the single string parameter of the nearest
    /// enclosing lambda, local function or method, which the check reads.
    /// </summary>
    private static IParameterSymbol? PredicateParameter(SemanticModel model, InvocationExpressionSyntax check, CancellationToken cancellationToken)
    {
        var function = check.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax);
        var symbol = function is null ? null : (function is AnonymousFunctionExpressionSyntax ? model.GetSymbolInfo(function, cancellationToken).Symbol : model.GetDeclaredSymbol(function, cancellationToken)) as IMethodSymbol;
        if (symbol is not { Parameters.Length: 1 } || symbol.Parameters[0].Type.SpecialType != SpecialType.System_String || symbol.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        var parameter = symbol.Parameters[0];
        var reads = check.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(i => i.Identifier.ValueText == parameter.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, parameter));
        return reads ? parameter : null;
    }

    private static bool RegisterPatternFix(FixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax check, string pattern)
    {
        if (!OriginCheckRewrite.IsAcceptingPosition(check)
            || PatternLiteral(root, model, check, pattern, context.CancellationToken) is not { } literal)
        {
            return false;
        }

        var fixedPattern = OriginText.AnchorAndEscapeHostDots(pattern);
        var token = literal.Token.Text.StartsWith("@", System.StringComparison.Ordinal)
            ? SyntaxFactory.Literal("@\"" + fixedPattern.Replace("\"", "\"\"") + "\"", fixedPattern)
            : SyntaxFactory.Literal(fixedPattern);
        var replacement = literal.WithToken(token.WithTriviaFrom(literal.Token));
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Anchor the pattern: '{fixedPattern}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                AnchorPatternKey),
            diagnostic);
        return true;
    }

    /// <summary>The literal that holds the pattern, in this document: an argument, a <c>new Regex("...")</c> field initializer, or a [GeneratedRegex] attribute.</summary>
    private static LiteralExpressionSyntax? PatternLiteral(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax check, string pattern, CancellationToken cancellationToken)
    {
        var direct = check.ArgumentList.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.Token.ValueText == pattern);
        if (direct is not null || check.Expression is not MemberAccessExpressionSyntax { Expression: var instance })
        {
            return direct;
        }

        SyntaxNode? declaration = instance switch
        {
            ObjectCreationExpressionSyntax creation => creation,
            InvocationExpressionSyntax call => model.GetSymbolInfo(call, cancellationToken).Symbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken),
            _ => model.GetSymbolInfo(instance, cancellationToken).Symbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken),
        };
        if (declaration is null || declaration.SyntaxTree != root.SyntaxTree)
        {
            return null;
        }

        var matches = declaration.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.Token.ValueText == pattern).ToList();
        return matches.Count == 1 ? root.FindNode(matches[0].Span, getInnermostNodeForTie: true) as LiteralExpressionSyntax : null;
    }

    /// <summary>The receiver is repeated in the rewrite, so it must not call anything that could have effects.</summary>
    private static bool IsSideEffectFree(ExpressionSyntax expression) => SideEffects.None(expression, IsPureStringCall, allowCreation: true);

    /// <summary>"" where <c>using System;</c> is in effect (Uri, StringComparison bind), otherwise "System.".</summary>
    private static string SystemPrefix(SemanticModel model, int position) =>
        model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName("StringComparison"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { TypeKind: not TypeKind.Error }
            ? string.Empty
            : "System.";

    private static bool IsPureStringCall(InvocationExpressionSyntax invocation) =>
        invocation is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "ToString" }, ArgumentList.Arguments.Count: 0 };

    /// <summary>
    /// A name for the parsed origin that nothing in the file uses. Each substring check of one predicate gets its own number,
    /// so that fixing them all at once (Fix All) declares no name twice.
    /// </summary>
    private static string UnusedName(SyntaxNode target, string name)
    {
        var predicate = target.AncestorsAndSelf().OfType<LambdaExpressionSyntax>().FirstOrDefault() ?? (SyntaxNode?)target.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? target;
        var index = predicate.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Count(i => i.SpanStart < target.SpanStart && CallSyntax.GetName(i)?.Identifier.ValueText is "Contains" or "IndexOf");
        return FreshName.Pick(name, FreshName.IdentifiersIn(target.SyntaxTree.GetRoot()).Contains, index + 1);
    }
}
