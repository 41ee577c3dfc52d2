using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS010: inserts <c>builder.Services.AddCors();</c> before <c>builder.Build()</c>, or <c>services.AddCors();</c> first in
/// <c>ConfigureServices</c>, in whichever document that is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCorsWithoutServicesCodeFixProvider)), Shared]
public sealed class UseCorsWithoutServicesCodeFixProvider : CorsCodeFixProvider
{
    public const string AddCorsKey = "CORS010_AddCors";

    public UseCorsWithoutServicesCodeFixProvider()
        : base(DiagnosticIds.UseCorsWithoutServices)
    {
    }

    public override FixAllProvider? GetFixAllProvider() => SingleInsertionFixAllProvider.Instance;

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic) =>
        StatementInsertion.RegisterFix(context, diagnostic, "Add '{0}'", AddCorsKey);
}
