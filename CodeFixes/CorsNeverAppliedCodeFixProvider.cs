using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS011: inserts <c>app.UseCors()</c> at the correct slot of the pipeline (after UseRouting, before authentication).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsNeverAppliedCodeFixProvider)), Shared]
public sealed class CorsNeverAppliedCodeFixProvider : CodeFixProvider
{
    public const string AddUseCorsKey = "CORS011_AddUseCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CorsNeverApplied);

    public override FixAllProvider GetFixAllProvider() => SingleInsertionFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        StatementInsertion.RegisterFixes(context, "Add '{0}' to the pipeline", AddUseCorsKey);
        return Task.CompletedTask;
    }
}
