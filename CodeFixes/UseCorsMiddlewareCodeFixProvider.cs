using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.CodeFixes.Middleware;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS016, CORS017, CORS018: replaces hand-written CORS headers with the middleware. Removes the header writes (and an
/// <c>app.Use</c> middleware or OnStarting callback left with nothing else to do), adds an equivalent named policy to
/// <c>AddCors</c>, and applies it with <c>UseCors("...")</c> at the pipeline's CORS slot or with <c>[EnableCors("...")]</c>
/// on a controller action. Echoed or dynamic origins become origins read from configuration; the policy never allows
/// more origins than the hand-written code did.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCorsMiddlewareCodeFixProvider)), Shared]
public sealed class UseCorsMiddlewareCodeFixProvider : CorsCodeFixProvider
{
    public const string UseMiddlewareKey = "CORS016_UseMiddleware";

    /// <summary>The app's CORS middleware already answers: the hand-written headers only go.</summary>
    public const string UseExistingPolicyKey = "CORS016_UseExistingPolicy";

    /// <summary>Nothing registers the middleware class: it goes, and no policy is added.</summary>
    public const string RemoveUnusedClassKey = "CORS016_RemoveUnusedClass";

    public UseCorsMiddlewareCodeFixProvider()
        : base(DiagnosticIds.HandWrittenCorsHeaders, DiagnosticIds.RequestOriginReflected, DiagnosticIds.WildcardOriginWithCredentialsHeader)
    {
    }

    /// <summary>
    /// No Fix All: each place becomes its own policy and pipeline change; applying several at once would have to merge
    /// policies, which is a decision the code cannot make.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    protected override async Task RegisterFixesAsync(FixContext context, Diagnostic diagnostic)
    {
        var model = context.Model;
        if (!CorsKnownTypes.TryGet(model.Compilation, out var types))
        {
            return;
        }

        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model.GetOperation(node, context.CancellationToken) is not { } write || HeaderWriteModel.WrittenHeader(write, types, out _) is null)
        {
            return;
        }

        // The plan is worked out before the action is offered, so that an impossible fix is not offered.
        var place = HeaderWriteModel.Build(HeaderWriteModel.PlaceOf(write), types, context.CancellationToken);
        if (await UnusedMiddlewareClass.FindAsync(context.Document, place, context.CancellationToken).ConfigureAwait(false) is { } unused)
        {
            // Its headers never reach a response: a policy would open what the app never opened.
            context.RegisterCodeFix(CodeAction.Create($"Remove the middleware class '{unused.Name}': nothing registers it", unused.ApplyAsync, RemoveUnusedClassKey), diagnostic);
            return;
        }

        if (await MiddlewarePlan.CreateAsync(context.Document, place, types, context.CancellationToken).ConfigureAwait(false) is { } plan)
        {
            context.RegisterCodeFix(CodeAction.Create(plan.Title, plan.ApplyAsync, plan.UsesExistingPolicy ? UseExistingPolicyKey : UseMiddlewareKey), diagnostic);
        }
    }
}
