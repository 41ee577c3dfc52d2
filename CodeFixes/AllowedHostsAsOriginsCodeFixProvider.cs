using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS020: the <c>WithOrigins(...)</c> arguments that read <c>AllowedHosts</c> become
/// <c>configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []</c>, a key of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowedHostsAsOriginsCodeFixProvider)), Shared]
public sealed class AllowedHostsAsOriginsCodeFixProvider : CorsCodeFixProvider
{
    public const string ReadDedicatedKeyKey = "CORS020_ReadDedicatedKey";

    public AllowedHostsAsOriginsCodeFixProvider()
        : base(DiagnosticIds.AllowedHostsAsOrigins)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (!context.Root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return;
        }

        // The read must be written in the WithOrigins arguments: a read through a local may have other uses.
        var read = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (CallSyntax.FindEnclosingWithOrigins(context.Model, read, context.CancellationToken) is not { } withOrigins
            || !withOrigins.ArgumentList.Span.Contains(read.Span)
            || ConfiguredOrigins.Find(context.Model, withOrigins, context.CancellationToken) is not { } configured)
        {
            return;
        }

        context.RegisterRootFix(
            $"Read the origins from '{ConfiguredOrigins.SectionKey}'",
            configured.ReplaceArguments(context.Root, withOrigins),
            ReadDedicatedKeyKey,
            diagnostic);
    }
}
