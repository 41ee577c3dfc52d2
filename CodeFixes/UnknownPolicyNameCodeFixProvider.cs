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

/// <summary>
/// CORS013: replaces an unknown policy name with an existing one, one action per candidate, closest first; or adds the
/// missing policy to the app's one <c>AddCors</c>, allowing the origins listed in configuration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownPolicyNameCodeFixProvider)), Shared]
public sealed class UnknownPolicyNameCodeFixProvider : CorsCodeFixProvider
{
    /// <summary>Each action's key is this prefix, a dot, and the policy name it uses.</summary>
    public const string UseExistingPolicyKey = "CORS013_UseExistingPolicy";

    /// <summary>Each action's key is this prefix, a dot, and the policy name it adds.</summary>
    public const string AddPolicyKey = "CORS013_AddPolicy";

    public UnknownPolicyNameCodeFixProvider()
        : base(DiagnosticIds.UnknownPolicyName)
    {
    }

    protected override bool NeedsSemanticModel => false;

    /// <summary>Renames are batched; a missing policy is added once, however many places name it.</summary>
    public override FixAllProvider? GetFixAllProvider() => AddOnceFixAllProvider.Instance;

    protected override async Task RegisterFixesAsync(FixContext context, Diagnostic diagnostic)
    {
        RegisterRenames(context, diagnostic);
        if (PolicyName(diagnostic) is { } name
            && await MissingPolicyInsertion.FindAsync(context.Document.Project, name, context.CancellationToken).ConfigureAwait(false) is { } insertion)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Add policy '{name}' allowing the origins in configuration ({ConfiguredOrigins.SectionKey})", insertion.ApplyAsync, AddPolicyKey + "." + name),
                diagnostic);
        }
    }

    private static string? PolicyName(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.PolicyName, out var name) ? name : null;

    private static void RegisterRenames(FixContext context, Diagnostic diagnostic)
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
            context.RegisterRootFix(
                $"Use policy '{candidate}'",
                root.ReplaceNode(literal, replacement),
                UseExistingPolicyKey + "." + candidate,
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

    private sealed class AddOnceFixAllProvider : FixAllProvider
    {
        public static readonly AddOnceFixAllProvider Instance = new();

        public override System.Collections.Generic.IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var key = fixAllContext.CodeActionEquivalenceKey;
            if (key is null || !key.StartsWith(AddPolicyKey + ".", System.StringComparison.Ordinal))
            {
                return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            }

            // Every diagnostic of this action names the same policy and the same AddCors: one insertion does for all.
            var diagnostics = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false),
                _ => await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false),
            };
            var name = key.Substring(AddPolicyKey.Length + 1);
            if (!diagnostics.Any(d => d.Id == DiagnosticIds.UnknownPolicyName && PolicyName(d) == name)
                || await MissingPolicyInsertion.FindAsync(fixAllContext.Project, name, fixAllContext.CancellationToken).ConfigureAwait(false) is not { } insertion)
            {
                return null;
            }

            return CodeAction.Create($"Add policy '{name}'", insertion.ApplyAsync, key);
        }
    }
}
