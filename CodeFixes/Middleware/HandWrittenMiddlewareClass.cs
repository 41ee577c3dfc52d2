using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>A middleware class that only wrote the CORS headers: its registration, and the class itself when nothing else uses it.</summary>
internal static class HandWrittenMiddlewareClass
{
    /// <summary>
    /// The <c>UseMiddleware&lt;T&gt;()</c> statement of a middleware class whose Invoke/InvokeAsync does nothing but
    /// the header writes and calling the next middleware.
    /// </summary>
    public static (Document, SyntaxNode)? RegistrationToRemove(HeaderWriteModel place, HandWrittenCorsCleanup cleanup, ProjectScan scan, out INamedTypeSymbol? middleware)
    {
        middleware = null;
        if (place.Place is not IMethodBodyOperation { Syntax: MethodDeclarationSyntax { Identifier.ValueText: "Invoke" or "InvokeAsync" } method }
            || place.Place.SemanticModel?.GetDeclaredSymbol(method)?.ContainingType is not { } type
            || !cleanup.OnlyPassesOn)
        {
            return null;
        }

        middleware = type;
        var registrations = scan.MiddlewareRegistrations.Where(r => SymbolEqualityComparer.Default.Equals(r.Middleware, type)).ToList();
        return registrations.Count == 1 ? (registrations[0].Document, registrations[0].Statement) : null;
    }

    /// <summary>The middleware class, when its one registration is all that refers to it and it is declared once, in the document of its writes.</summary>
    public static async Task<ClassDeclarationSyntax?> DeadClassAsync(Solution solution, INamedTypeSymbol middleware, SyntaxNode registration, CancellationToken cancellationToken)
    {
        if (middleware.DeclaringSyntaxReferences.Length != 1
            || await middleware.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration)
        {
            return null;
        }

        return await SymbolReferences.AllAsync(middleware, solution, location => location.IsIn(registration.SyntaxTree, registration.Span), cancellationToken).ConfigureAwait(false)
            ? declaration
            : null;
    }
}
