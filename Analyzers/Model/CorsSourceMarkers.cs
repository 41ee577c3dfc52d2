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

    private const int ChunkLength = 4096;

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

    /// <summary>Scans the text in chunks (no copy of the whole file); chunks overlap by the longest marker.</summary>
    internal static bool TextMayHoldCors(SourceText text, CancellationToken cancellationToken)
    {
        var overlap = MarkerOverlap;
        var buffer = new char[ChunkLength + overlap];
        for (var start = 0; start < text.Length; start += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = System.Math.Min(ChunkLength + overlap, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (ChunkHoldsMarker(buffer, count))
            {
                return true;
            }
        }

        return false;
    }

    private const string AccessControl = "access-control";
    private const string AccessControlName = "accesscontrol";
    private const string ControlAllow = "control-allow-";
    private static readonly int MarkerOverlap = AccessControl.Length - 1;

    private static bool ChunkHoldsMarker(char[] buffer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            switch (buffer[i])
            {
                case 'C' when Matches(buffer, count, i, "Cors", ignoreCase: false) || Matches(buffer, count, i, ControlAllow, ignoreCase: true):
                case 'c' when Matches(buffer, count, i, ControlAllow, ignoreCase: true):
                case 'A' or 'a' when Matches(buffer, count, i, AccessControl, ignoreCase: true) || Matches(buffer, count, i, AccessControlName, ignoreCase: true):
                    return true;
            }
        }

        return false;
    }

    private static bool Matches(char[] buffer, int count, int at, string marker, bool ignoreCase)
    {
        if (at + marker.Length > count)
        {
            return false;
        }

        for (var j = 0; j < marker.Length; j++)
        {
            var c = buffer[at + j];
            if (ignoreCase && c is >= 'A' and <= 'Z')
            {
                c = (char)(c + ('a' - 'A'));
            }

            if (c != marker[j])
            {
                return false;
            }
        }

        return true;
    }
}
