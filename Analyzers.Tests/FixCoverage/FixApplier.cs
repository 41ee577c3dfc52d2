using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>Asks every code-fix provider for actions on one diagnostic, applies each, and judges the result.</summary>
public static class FixApplier
{
    public static ImmutableHashSet<string> FixableRules { get; } = TestCompilations.AllCodeFixProviders
        .SelectMany(static p => p.FixableDiagnosticIds)
        .ToImmutableHashSet(StringComparer.Ordinal);

    public static async Task<IReadOnlyList<AppliedFix>> ApplyEachAsync(ProjectDiagnostics before, Diagnostic diagnostic)
    {
        var document = before.Project.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
        {
            return Array.Empty<AppliedFix>();
        }

        var actions = await OfferedActionsAsync(document, diagnostic);
        var fixes = new List<AppliedFix>();
        foreach (var (action, offerProblem) in actions)
        {
            var problem = offerProblem ?? await ApplyAsync(before, document, diagnostic, action);
            fixes.Add(new AppliedFix(action?.EquivalenceKey ?? "(none)", action?.Title ?? "(provider threw)", problem));
        }

        return fixes;
    }

    private static async Task<IReadOnlyList<(CodeAction? Action, string? Problem)>> OfferedActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<(CodeAction?, string?)>();
        foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((action, null)), CancellationToken.None);
            try
            {
                await provider.RegisterCodeFixesAsync(context);
            }
            catch (Exception exception)
            {
                actions.Add((null, $"{provider.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"));
            }
        }

        return actions;
    }

    private static async Task<string?> ApplyAsync(ProjectDiagnostics before, Document document, Diagnostic diagnostic, CodeAction? action)
    {
        Solution? changed;
        try
        {
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            changed = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
        }
        catch (Exception exception)
        {
            return $"the action threw {exception.GetType().Name}: {exception.Message}";
        }

        if (changed is null)
        {
            return "the action changes nothing";
        }

        var after = await ProjectDiagnostics.CollectAsync(changed.GetProject(before.Project.Id)!);
        return await FixValidity.ProblemAsync(before, after, document, diagnostic, action.Title);
    }
}
