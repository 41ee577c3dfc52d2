using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS029: adds <c>AllowCredentials()</c> to the hub's policy, which lists specific origins, so the SignalR client's
/// credentialed negotiate passes. The analyzer offers it only where credentials bring no other finding (no http:// remote
/// origin, no malformed origin, no exposed "*"); the policy may be in another document than the hub.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HubWithoutCredentialsCodeFixProvider)), Shared]
public sealed class HubWithoutCredentialsCodeFixProvider : CorsCodeFixProvider
{
    public const string AddCredentialsKey = "CORS029_AddCredentials";

    public HubWithoutCredentialsCodeFixProvider()
        : base(DiagnosticIds.HubWithoutCredentials)
    {
    }

    protected override bool NeedsSemanticModel => false;

    public override FixAllProvider? GetFixAllProvider() => FixAll.Instance;

    protected override async Task RegisterFixesAsync(FixContext context, Diagnostic diagnostic)
    {
        var solution = context.Document.Project.Solution;
        if (await RewriteAsync(solution, new[] { diagnostic }, context.CancellationToken).ConfigureAwait(false) is { } fixedSolution)
        {
            context.RegisterCodeFix(CodeAction.Create("Add AllowCredentials() to the hub's policy", _ => Task.FromResult(fixedSolution), AddCredentialsKey), diagnostic);
        }
    }

    /// <summary>Adds the call once to each policy the diagnostics name; null when none of them can take it.</summary>
    private static async Task<Solution?> RewriteAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var byTree in diagnostics
            .Where(static d => d.Properties.TryGetValue(DiagnosticProperties.AddCredentials, out var value) && value == "true" && d.AdditionalLocations.Count > 0)
            .Select(static d => d.AdditionalLocations[0])
            .Where(static l => l.SourceTree is not null)
            .GroupBy(static l => l.SourceTree!))
        {
            if (solution.GetDocument(byTree.Key) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var lambdas = new HashSet<LambdaExpressionSyntax>();
            foreach (var location in byTree)
            {
                if (PolicyChainSyntax.FindLambda(root, location) is { } lambda && PolicyChainSyntax.AddCredentials(lambda) is not null)
                {
                    lambdas.Add(lambda);
                }
            }

            if (lambdas.Count > 0)
            {
                var newRoot = root.ReplaceNodes(lambdas, static (_, rewritten) => PolicyChainSyntax.AddCredentials(rewritten) ?? rewritten);
                solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
                changed = true;
            }
        }

        return changed ? solution : null;
    }

    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                "Add AllowCredentials() to the hubs' policies",
                async cancellationToken =>
                {
                    var diagnostics = await SingleInsertionFixAllProvider.GetDiagnosticsAsync(fixAllContext).ConfigureAwait(false);
                    return await RewriteAsync(fixAllContext.Solution, diagnostics, cancellationToken).ConfigureAwait(false) ?? fixAllContext.Solution;
                },
                AddCredentialsKey));
    }
}
