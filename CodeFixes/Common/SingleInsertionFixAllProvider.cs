using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// Fix All for fixes that insert one statement for the whole app (AddCors, UseCors): every diagnostic names the same
/// slot, so each distinct insertion is made once.
/// </summary>
internal sealed class SingleInsertionFixAllProvider : FixAllProvider
{
    public static readonly SingleInsertionFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Task.FromResult<CodeAction?>(CodeAction.Create(
            fixAllContext.CodeActionEquivalenceKey ?? "Fix all",
            async cancellationToken =>
            {
                var diagnostics = await GetDiagnosticsAsync(fixAllContext).ConfigureAwait(false);
                var solution = fixAllContext.Solution;
                var done = new HashSet<(string?, Microsoft.CodeAnalysis.Text.TextSpan, string)>();
                foreach (var diagnostic in diagnostics)
                {
                    if (StatementInsertion.Read(diagnostic, DiagnosticProperties.Statement) is not { } insertion)
                    {
                        continue;
                    }

                    // The statement of the action Fix All was started from: with several choices, the one of the same key.
                    foreach (var (code, key) in StatementInsertion.Choices(diagnostic, insertion.Code, BaseKey(fixAllContext.CodeActionEquivalenceKey)))
                    {
                        if (key == fixAllContext.CodeActionEquivalenceKey && done.Add((insertion.Slot.SourceTree?.FilePath, insertion.Slot.SourceSpan, code)))
                        {
                            solution = await StatementInsertion.InsertAsync(solution, insertion.Slot, insertion.Placement, code, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                return solution;
            },
            fixAllContext.CodeActionEquivalenceKey));

    /// <summary>The provider's key without the policy name a choice adds after a dot.</summary>
    private static string BaseKey(string? key) =>
        key is null ? string.Empty : key.IndexOf('.') is var dot and >= 0 ? key.Substring(0, dot) : key;

    /// <summary>The diagnostics of the Fix All scope.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(FixAllContext context)
    {
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
            case FixAllScope.Solution:
                var all = ImmutableArray.CreateBuilder<Diagnostic>();
                foreach (var project in context.Solution.Projects)
                {
                    all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                return all.ToImmutable();
            default:
                return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
        }
    }
}
