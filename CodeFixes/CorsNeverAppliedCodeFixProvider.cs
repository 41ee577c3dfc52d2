using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS011: inserts <c>app.UseCors()</c> at the correct slot of the pipeline (after UseRouting, before authentication).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsNeverAppliedCodeFixProvider)), Shared]
public sealed class CorsNeverAppliedCodeFixProvider : CorsCodeFixProvider
{
    public const string AddUseCorsKey = "CORS011_AddUseCors";

    public CorsNeverAppliedCodeFixProvider()
        : base(DiagnosticIds.CorsNeverApplied)
    {
    }

    public override FixAllProvider? GetFixAllProvider() => SingleInsertionFixAllProvider.Instance;

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic) =>
        StatementInsertion.RegisterFix(context, diagnostic, "Add '{0}' to the pipeline", AddUseCorsKey);
}
