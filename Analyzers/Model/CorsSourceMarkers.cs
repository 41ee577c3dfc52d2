using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Model;

/// <summary>
/// Whether a compilation's source can hold anything a rule reads, decided from the text alone before any action is
/// registered. Every rule needs a CORS API (all named <c>...Cors...</c>: <c>AddCors</c>, <c>UseCors</c>,
/// <c>CorsPolicyBuilder</c>, <c>[EnableCors]</c>, <c>RequireCors</c>, the <c>Microsoft.AspNetCore.Cors</c> namespace) or
/// an <c>Access-Control-*</c> header name (a string in any case, <c>HeaderNames.AccessControl...</c>, the typed
/// <c>Headers.AccessControl...</c> properties) in some file of the compilation. A web project without either pays one
/// scan of its text, once per syntax tree (the IDE reuses the trees of unchanged documents), and nothing else: a
/// compilation-end action alone makes the driver analyze every body, so registering nothing is what makes it cheap.
/// </summary>
internal static class CorsSourceMarkers
{
    private static readonly ConditionalWeakTable<SyntaxTree, object> Seen = new();
    private static readonly object Holds = new();
    private static readonly object HoldsNone = new();

    public static bool MayHoldCors(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (TreeMayHoldCors(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TreeMayHoldCors(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (Seen.TryGetValue(tree, out var known))
        {
            return known == Holds;
        }

        var holds = TextMayHoldCors(tree.GetText(cancellationToken), cancellationToken);
        Seen.GetValue(tree, _ => holds ? Holds : HoldsNone);
        return holds;
    }

    /// <summary>
    /// The markers, searched with the runtime's vectorized <see cref="string.IndexOf(string, StringComparison)"/>; the
    /// text of a parsed file is a string already (<see cref="SourceText.ToString()"/> returns it without a copy), only
    /// a very large file's text is copied once.
    /// </summary>
    internal static bool TextMayHoldCors(SourceText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = text.ToString();
        return source.IndexOf("Cors", StringComparison.Ordinal) >= 0
            || source.IndexOf("access-control", StringComparison.OrdinalIgnoreCase) >= 0
            || source.IndexOf("accesscontrol", StringComparison.OrdinalIgnoreCase) >= 0
            || source.IndexOf("control-allow-", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
