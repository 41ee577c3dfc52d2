using System.Collections.Generic;
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
            RegisterConfiguredFix(context, diagnostic, root, model, check, text);
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
    /// Locals that only fed the check (<c>var uri = new Uri(origin);</c>) go with it.
    /// </summary>
    private static void RegisterConfiguredFix(FixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax check, string text)
    {
        var name = CallSyntax.GetName(check)?.Identifier.ValueText;
        var target = name is null ? null : OriginCheckRewrite.Target(check, name);
        var function = Predicate(check);
        if (name is null
            || target is null
            || function is null
            || !OriginCheckRewrite.IsAcceptingPosition(target)
            || PredicateParameter(model, function, check, context.CancellationToken) is not { } origin
            || ConfiguredOrigins.Find(model, target, context.CancellationToken) is not { } origins)
        {
            return;
        }

        var needsLinq = model.GetSpeculativeSymbolInfo(target.SpanStart, SyntaxFactory.ParseExpression("Enumerable"), SpeculativeBindingOption.BindAsExpression).Symbol is null;
        var unused = LocalsOnlyTheCheckReads(model, function, target, context.CancellationToken);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Accept only the origins listed in configuration ({ConfiguredOrigins.SectionKey}) instead of {WhatTheCheckAccepts(name, text)}",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(ReplaceWithConfigured(root, target, unused, origins, origin.Name, needsLinq))),
                UseConfiguredOriginsKey),
            diagnostic);
    }

    private static string WhatTheCheckAccepts(string method, string text) =>
        OriginText.IsSharedHostingSuffix(text)
            ? "every site on " + text.Substring(text.IndexOf("://", System.StringComparison.Ordinal) + 1).TrimStart('/', '*', '.')
            : $"{method}(\"{text}\")";

    private static SyntaxNode ReplaceWithConfigured(SyntaxNode root, ExpressionSyntax target, IReadOnlyList<LocalDeclarationStatementSyntax> unused, ConfiguredOrigins origins, string origin, bool needsLinq)
    {
        var tracked = root.TrackNodes(unused.Cast<SyntaxNode>().Append(target));
        var rewritten = origins.ReplaceCheck(tracked, tracked.GetCurrentNode(target)!, origin, needsLinq);
        foreach (var statement in unused)
        {
            if (rewritten.GetCurrentNode(statement) is { } current)
            {
                var keepComments = current.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
                rewritten = rewritten.RemoveNode(current, keepComments ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        return rewritten;
    }

    /// <summary>The nearest enclosing lambda, local function or method of <paramref name="check"/>.</summary>
    private static SyntaxNode? Predicate(SyntaxNode check) =>
        check.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax);

    /// <summary>
    /// The origin parameter of <paramref name="function"/>, the predicate that holds <paramref name="check"/>: its single
    /// string parameter, which the check reads directly or through locals of the predicate (<c>var uri = new Uri(origin);</c>,
    /// <c>Uri.TryCreate(origin, ..., out var uri)</c>).
    /// </summary>
    private static IParameterSymbol? PredicateParameter(SemanticModel model, SyntaxNode function, InvocationExpressionSyntax check, CancellationToken cancellationToken)
    {
        var symbol = (function is AnonymousFunctionExpressionSyntax ? model.GetSymbolInfo(function, cancellationToken).Symbol : model.GetDeclaredSymbol(function, cancellationToken)) as IMethodSymbol;
        if (symbol is not { Parameters.Length: 1 } || symbol.Parameters[0].Type.SpecialType != SpecialType.System_String || symbol.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        var parameter = symbol.Parameters[0];
        return Reads(model, function, check, parameter, depth: 3, cancellationToken) ? parameter : null;
    }

    private static bool Reads(SemanticModel model, SyntaxNode function, SyntaxNode node, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol, parameter)
                || depth > 0 && symbol is ILocalSymbol local && Source(function, local, cancellationToken) is { } source
                    && Reads(model, function, source, parameter, depth - 1, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a local of the predicate gets its value: its initializer, or the call it is the <c>out</c> argument of.</summary>
    private static SyntaxNode? Source(SyntaxNode function, ILocalSymbol local, CancellationToken cancellationToken)
    {
        var declaration = local.DeclaringSyntaxReferences.Length == 1 ? local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) : null;
        return declaration is null || !function.Span.Contains(declaration.Span)
            ? null
            : declaration switch
            {
                VariableDeclaratorSyntax { Initializer.Value: var value } => value,
                SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } } => call,
                _ => null,
            };
    }

    /// <summary>
    /// The declarations of locals of <paramref name="function"/> (one local each, initialized without effects) that nothing
    /// reads once <paramref name="target"/> is gone, following chains such as <c>var uri = new Uri(origin); var host = uri.Host;</c>.
    /// </summary>
    private static IReadOnlyList<LocalDeclarationStatementSyntax> LocalsOnlyTheCheckReads(SemanticModel model, SyntaxNode function, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        var removed = new List<LocalDeclarationStatementSyntax>();
        var pending = new Queue<SyntaxNode>();
        pending.Enqueue(target);
        while (pending.Count > 0)
        {
            foreach (var identifier in pending.Dequeue().DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local
                    && local.DeclaringSyntaxReferences.Length == 1
                    && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } }
                    && !removed.Contains(statement)
                    && Predicate(statement) == function
                    && IsSideEffectFree(value)
                    && !function.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i =>
                        i.Identifier.ValueText == local.Name
                        && !target.Span.Contains(i.Span)
                        && !removed.Any(r => r.Span.Contains(i.Span))
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, local)))
                {
                    removed.Add(statement);
                    pending.Enqueue(value);
                }
            }
        }

        return removed;
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
