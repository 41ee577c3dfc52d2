using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Model;

/// <summary>
/// What the source can hold, decided from its text alone, once per syntax tree (the IDE reuses the trees of unchanged
/// documents), with the runtime's vectorized <see cref="string.IndexOf(string, StringComparison)"/>.
/// <para>
/// Per compilation: every rule needs a CORS API (all named <c>...Cors...</c>) or an <c>Access-Control-*</c> header name in
/// some file, or the analyzer registers nothing: a compilation-end action alone makes the driver analyze every body.
/// </para>
/// <para>
/// Per tree: the callbacks read CORS calls and attributes, policy builder calls on a lambda parameter whose type is not
/// written, header reads and writes (always through <c>Headers</c>, <c>IHeaderDictionary</c>, <c>AppendHeader</c>),
/// pipelines (on <c>IApplicationBuilder</c> or <c>WebApplication</c>, or in <c>Main</c> and top-level statements),
/// registrations (on <c>IServiceCollection</c>, <c>builder.Services</c>, in <c>ConfigureServices</c>), authorization
/// requirements and fallback policies, and hubs. A tree without any of their names holds nothing a rule reads: constants
/// and helpers it defines are read from the trees that use them.
/// </para>
/// </summary>
internal static class CorsSourceMarkers
{
    /// <summary>The names a tree must contain for its bodies to be analyzed, most frequent in such trees first.</summary>
    private static readonly string[] TreeMarkers =
    {
        "Cors", "Header", "Application", "Services", "ServiceCollection", "Authoriz", "Policy", "Origin", "Credentials",
        "Main(", "MapHub", "WithMethods", "Preflight",
    };

    private static readonly ConditionalWeakTable<SyntaxTree, Decisions> Trees = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Decisions>.CreateValueCallback NewDecisions = static _ => new Decisions();

    public static bool MayHoldCors(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Trees.GetValue(tree, NewDecisions).HoldsCors(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when no callback in <paramref name="tree"/> can find anything a rule reads.</summary>
    public static bool TreeMayMatter(SyntaxTree tree, CancellationToken cancellationToken) =>
        Trees.GetValue(tree, NewDecisions).MayMatter(tree, cancellationToken);

    /// <summary>
    /// The markers of the compilation's decision; the text of a parsed file is a string already
    /// (<see cref="SourceText.ToString()"/> returns it without a copy), only a very large file's text is copied once.
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

    /// <summary>The markers of a tree's decision, where the compilation's found none.</summary>
    internal static bool TextMayMatter(SourceText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = text.ToString();
        foreach (var marker in TreeMarkers)
        {
            if (source.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Top-level statements are the app's entry point, whatever names they use.</summary>
    private static bool HasTopLevelStatements(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken) is CompilationUnitSyntax { Members: { Count: > 0 } members } && members[0] is GlobalStatementSyntax;

    /// <summary>One tree's decisions, each computed at most once by the first thread that asks (both answers are equal).</summary>
    private sealed class Decisions
    {
        private const int Unknown = 0;
        private const int Yes = 1;
        private const int No = 2;

        private int _holdsCors;
        private int _mayMatter;

        public bool HoldsCors(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _holdsCors);
            if (known == Unknown)
            {
                known = TextMayHoldCors(tree.GetText(cancellationToken), cancellationToken) ? Yes : No;
                Volatile.Write(ref _holdsCors, known);
            }

            return known == Yes;
        }

        public bool MayMatter(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _mayMatter);
            if (known == Unknown)
            {
                known = HoldsCors(tree, cancellationToken) || TextMayMatter(tree.GetText(cancellationToken), cancellationToken)
                    || HasTopLevelStatements(tree, cancellationToken) ? Yes : No;
                Volatile.Write(ref _mayMatter, known);
            }

            return known == Yes;
        }
    }
}
