using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>Names a fix introduces (a local, a lambda parameter, a policy) that clash with nothing already there.</summary>
internal static class FreshName
{
    /// <summary>
    /// <paramref name="name"/>, <c>name2</c>, <c>name3</c>...: the first that is not taken, counting from
    /// <paramref name="first"/> (1 is the bare name).
    /// </summary>
    public static string Pick(string name, Func<string, bool> isTaken, int first = 1)
    {
        for (var number = first; ; number++)
        {
            var candidate = number == 1 ? name : name + number;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary><paramref name="name"/> or a numbered variant that no symbol in scope at <paramref name="scope"/> and no identifier of its method uses.</summary>
    public static string InScope(SemanticModel model, SyntaxNode scope, string name)
    {
        var body = scope.AncestorsAndSelf().FirstOrDefault(static n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax) ?? scope;
        var used = IdentifiersIn(body);
        used.UnionWith(model.LookupSymbols(scope.SpanStart).Select(static s => s.Name));
        return Pick(name, used.Contains);
    }

    /// <summary>Every identifier written in <paramref name="node"/>.</summary>
    public static HashSet<string> IdentifiersIn(SyntaxNode node) =>
        new(node.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);
}
