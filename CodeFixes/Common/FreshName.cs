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

    /// <summary>Every identifier written in <paramref name="node"/>.</summary>
    public static HashSet<string> IdentifiersIn(SyntaxNode node) =>
        new(node.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);
}
