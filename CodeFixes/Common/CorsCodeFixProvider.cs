using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// The plumbing every fix shares: the fixable IDs, Fix All, the document's root (and semantic model), one call per
/// diagnostic. A fix holds only its rewrite, in <see cref="RegisterFixes"/> or <see cref="RegisterFixesAsync"/>.
/// </summary>
public abstract class CorsCodeFixProvider : CodeFixProvider
{
    protected CorsCodeFixProvider(params string[] fixableDiagnosticIds) =>
        FixableDiagnosticIds = fixableDiagnosticIds.ToImmutableArray();

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>Batch Fix All, right for local rewrites; fixes that move or insert across documents override it.</summary>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>False for fixes that work on syntax alone: the semantic model is then not computed.</summary>
    protected virtual bool NeedsSemanticModel => true;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = NeedsSemanticModel ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
        if (root is null || (NeedsSemanticModel && model is null))
        {
            return;
        }

        var fix = new FixContext(context, root, model);
        foreach (var diagnostic in context.Diagnostics)
        {
            await RegisterFixesAsync(fix, diagnostic).ConfigureAwait(false);
        }
    }

    /// <summary>Registers the actions for one diagnostic, or none when the code is not in a shape the fix handles.</summary>
    protected virtual void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
    }

    /// <summary>Like <see cref="RegisterFixes"/>, for fixes that must look at other documents before they offer an action.</summary>
    protected virtual Task RegisterFixesAsync(FixContext context, Diagnostic diagnostic)
    {
        RegisterFixes(context, diagnostic);
        return Task.CompletedTask;
    }
}

/// <summary>The document a fix works on, with its root and semantic model.</summary>
public sealed class FixContext
{
    private readonly CodeFixContext _context;
    private readonly SemanticModel? _model;

    internal FixContext(CodeFixContext context, SyntaxNode root, SemanticModel? model)
    {
        _context = context;
        Root = root;
        _model = model;
    }

    public Document Document => _context.Document;

    public SyntaxNode Root { get; }

    /// <summary>The semantic model; only for a fix with <see cref="CorsCodeFixProvider.NeedsSemanticModel"/>.</summary>
    public SemanticModel Model => _model ?? throw new InvalidOperationException("This fix declared that it needs no semantic model.");

    public CancellationToken CancellationToken => _context.CancellationToken;

    public void RegisterCodeFix(CodeAction action, Diagnostic diagnostic) => _context.RegisterCodeFix(action, diagnostic);

    /// <summary>Registers an action that replaces the document's root with <paramref name="newRoot"/>.</summary>
    public void RegisterRootFix(string title, SyntaxNode newRoot, string equivalenceKey, Diagnostic diagnostic) =>
        _context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(Document.WithSyntaxRoot(newRoot)), equivalenceKey), diagnostic);
}
