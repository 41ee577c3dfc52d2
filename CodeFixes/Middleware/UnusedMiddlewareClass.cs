using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>
/// A middleware class that writes CORS headers and that nothing registers: no <c>UseMiddleware</c>, no service
/// registration, only its own <c>UseX()</c> extension that nothing calls. Its headers never reach a response, so the
/// fix removes it (and that extension) rather than adding a CORS policy the app never had.
/// </summary>
internal sealed class UnusedMiddlewareClass
{
    private readonly Document _document;
    private readonly ClassDeclarationSyntax _class;
    private readonly List<(DocumentId Document, MethodDeclarationSyntax Method)> _extensions;

    private UnusedMiddlewareClass(Document document, ClassDeclarationSyntax declaration, List<(DocumentId, MethodDeclarationSyntax)> extensions)
    {
        _document = document;
        _class = declaration;
        _extensions = extensions;
    }

    public string Name => _class.Identifier.ValueText;

    /// <summary>The class of <paramref name="place"/>'s Invoke method when nothing registers it in an app; null otherwise.</summary>
    public static async Task<UnusedMiddlewareClass?> FindAsync(Document document, HeaderWriteModel place, CancellationToken cancellationToken)
    {
        // A library's public class may be registered by the apps that use it.
        if (document.Project.CompilationOptions?.OutputKind == OutputKind.DynamicallyLinkedLibrary
            || place.Place is not IMethodBodyOperation { Syntax: MethodDeclarationSyntax { Identifier.ValueText: "Invoke" or "InvokeAsync" } method }
            || place.Place.SemanticModel?.GetDeclaredSymbol(method, cancellationToken)?.ContainingType is not { TypeKind: TypeKind.Class } type
            || type.DeclaringSyntaxReferences.Length != 1
            || await type.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration
            || declaration.SyntaxTree != method.SyntaxTree)
        {
            return null;
        }

        var solution = document.Project.Solution;
        var extensions = new List<(DocumentId, MethodDeclarationSyntax)>();
        var references = await SymbolFinder.FindReferencesAsync(type, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(static r => r.Locations))
        {
            if (location.Location.IsIn(declaration.SyntaxTree, declaration.Span))
            {
                continue;
            }

            // Only an extension method that nothing calls may refer to it.
            var root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (root.FindNode(location.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } holder
                || (await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))?.GetDeclaredSymbol(holder, cancellationToken) is not IMethodSymbol { IsExtensionMethod: true } extension
                || (await SymbolFinder.FindReferencesAsync(extension, solution, cancellationToken).ConfigureAwait(false)).SelectMany(static r => r.Locations).Any())
            {
                return null;
            }

            if (!extensions.Any(e => e.Item2 == holder))
            {
                extensions.Add((location.Document.Id, holder));
            }
        }

        return new UnusedMiddlewareClass(document, declaration, extensions);
    }

    public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(_document.Project.Solution);
        (await editor.GetDocumentEditorAsync(_document.Id, cancellationToken).ConfigureAwait(false)).RemoveNode(_class, SyntaxRemoveOptions.KeepNoTrivia);
        foreach (var (documentId, extension) in _extensions)
        {
            var documentEditor = await editor.GetDocumentEditorAsync(documentId, cancellationToken).ConfigureAwait(false);

            // The static class goes with its last member.
            if (extension.Parent is ClassDeclarationSyntax holder && holder.Members.All(m => _extensions.Any(e => e.Method == m)))
            {
                documentEditor.RemoveNode(holder, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else
            {
                documentEditor.RemoveNode(extension, SyntaxRemoveOptions.KeepNoTrivia);
            }
        }

        return editor.GetChangedSolution();
    }
}
