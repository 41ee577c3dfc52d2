using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS010: inserts <c>builder.Services.AddCors();</c> before <c>builder.Build()</c>, or <c>services.AddCors();</c> first in
/// <c>ConfigureServices</c>, in whichever document that is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCorsWithoutServicesCodeFixProvider)), Shared]
public sealed class UseCorsWithoutServicesCodeFixProvider : CodeFixProvider
{
    public const string AddCorsKey = "CORS010_AddCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UseCorsWithoutServices);

    public override FixAllProvider GetFixAllProvider() => SingleInsertionFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        StatementInsertion.RegisterFixes(context, "Add '{0}'", AddCorsKey);
        return Task.CompletedTask;
    }
}
