using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS027: removes the <c>AllowAnyOrigin()</c> (or a <c>WithOrigins("*")</c> with that one entry) that overrides the
/// policy's <c>SetIsOriginAllowed</c> check, so the check decides again. It never widens access: the policy allowed every
/// origin before, and allows what the predicate accepts after.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginCheckOverriddenCodeFixProvider)), Shared]
public sealed class OriginCheckOverriddenCodeFixProvider : CorsCodeFixProvider
{
    public const string RemoveAnyOriginKey = "CORS027_RemoveAnyOrigin";

    public OriginCheckOverriddenCodeFixProvider()
        : base(DiagnosticIds.OriginCheckOverridden)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (CallSyntax.FindInvocation(context.Root, diagnostic.Location.SourceSpan) is not { } call
            || !(CallSyntax.IsBuilderCall(context.Model, call, context.CancellationToken, "AllowAnyOrigin")
                || (call.ArgumentList.Arguments.Count == 1 && CallSyntax.IsBuilderCall(context.Model, call, context.CancellationToken, "WithOrigins")))
            || CallSyntax.RemoveCall(context.Root, call) is not { } removed)
        {
            return;
        }

        var name = CallSyntax.GetName(call)?.Identifier.ValueText ?? "AllowAnyOrigin";
        context.RegisterRootFix($"Remove {name}(...) so the origin check decides", removed, RemoveAnyOriginKey, diagnostic);
    }
}
