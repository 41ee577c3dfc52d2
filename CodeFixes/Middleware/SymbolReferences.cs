using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>Where the solution refers to a symbol, for the fixes that remove code nothing else uses.</summary>
internal static class SymbolReferences
{
    /// <summary>True when every reference to <paramref name="symbol"/> is a location <paramref name="allowed"/> accepts.</summary>
    public static async Task<bool> AllAsync(ISymbol symbol, Solution solution, Func<Location, bool> allowed, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        return references.SelectMany(static r => r.Locations).All(location => allowed(location.Location));
    }

    /// <summary>True when <paramref name="location"/> lies inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public static bool IsIn(this Location location, SyntaxTree tree, TextSpan span) =>
        location.SourceTree == tree && span.Contains(location.SourceSpan);
}
