using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS024: replaces a comma-joined entry of <c>WithMethods</c>, <c>WithHeaders</c> or <c>WithExposedHeaders</c> by one
/// trimmed string literal per name, in the same argument list or array.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CommaJoinedListCodeFixProvider)), Shared]
public sealed class CommaJoinedListCodeFixProvider : CorsCodeFixProvider
{
    public const string SplitNamesKey = "CORS024_SplitNames";

    public CommaJoinedListCodeFixProvider()
        : base(DiagnosticIds.CommaJoinedList)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Names, out var joined) || string.IsNullOrEmpty(joined)
            || context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax entry
            || entry.Span != diagnostic.Location.SourceSpan)
        {
            return;
        }

        var names = joined!.Split('\n');
        if (OriginListSyntax.ReplaceWithSeveral(context.Root, entry, names) is not { } split)
        {
            return;
        }

        context.RegisterRootFix(names.Length == 1 ? $"Use '{names[0]}'" : $"Split into {names.Length} separate names", split, SplitNamesKey, diagnostic);
    }
}
