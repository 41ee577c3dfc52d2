using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS025: inserts <c>app.UseAuthentication();</c> (when it is missing) and <c>app.UseAuthorization();</c> right after UseCors.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationBeforeCorsCodeFixProvider)), Shared]
public sealed class AuthorizationBeforeCorsCodeFixProvider : CorsCodeFixProvider
{
    public const string AddUseAuthorizationKey = "CORS025_AddUseAuthorization";

    public AuthorizationBeforeCorsCodeFixProvider()
        : base(DiagnosticIds.AuthorizationBeforeCors)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        // Additional location 0 is the endpoint that requires authorization; 1 is the statement the calls follow.
        if (StatementInsertion.Read(diagnostic, DiagnosticProperties.Statements, slotIndex: 1) is not { Placement: DiagnosticProperties.After } insertion)
        {
            return;
        }

        var statements = insertion.Code.Split('\n');
        var solution = context.Document.Project.Solution;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Add '" + string.Join(" ", statements) + "' after UseCors",
                cancellationToken => StatementInsertion.InsertAllAsync(solution, insertion.Slot, DiagnosticProperties.After, statements, cancellationToken),
                AddUseAuthorizationKey),
            diagnostic);
    }
}
