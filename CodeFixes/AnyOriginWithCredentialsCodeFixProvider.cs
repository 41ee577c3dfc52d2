using System.Composition;
using System.Threading;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS001: replaces the any-origin call with origins read from configuration, or removes <c>AllowCredentials()</c>
/// (<c>SupportsCredentials = true</c> on a hand-built <c>CorsPolicy</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnyOriginWithCredentialsCodeFixProvider)), Shared]
public sealed class AnyOriginWithCredentialsCodeFixProvider : CorsCodeFixProvider
{
    public const string UseConfiguredOriginsKey = "CORS001_UseConfiguredOrigins";
    public const string RemoveCredentialsKey = "CORS001_RemoveCredentials";

    public AnyOriginWithCredentialsCodeFixProvider()
        : base(DiagnosticIds.AnyOriginWithCredentials)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        var model = context.Model;
        var anyOrigin = CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan);
        if (anyOrigin is not null && CallSyntax.IsBuilderCall(model, anyOrigin, context.CancellationToken, "AllowAnyOrigin", "WithOrigins")
            && ConfiguredOrigins.Find(model, anyOrigin, context.CancellationToken) is { } origins)
        {
            context.RegisterRootFix(
                "Read the allowed origins from configuration",
                origins.ReplaceCall(root, anyOrigin),
                UseConfiguredOriginsKey,
                diagnostic);
        }

        if (RemoveCredentials(root, model, diagnostic, context.CancellationToken) is ({ } title, { } withoutCredentials))
        {
            context.RegisterRootFix(title, withoutCredentials, RemoveCredentialsKey, diagnostic);
        }
    }

    /// <summary>The credentials half of the diagnostic (its additional location) removed: the builder call or the property set.</summary>
    private static (string? Title, SyntaxNode? Root) RemoveCredentials(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
        {
            return default;
        }

        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        if (CallSyntax.FindInvocation(root, span) is { } credentials && CallSyntax.IsBuilderCall(model, credentials, cancellationToken, "AllowCredentials"))
        {
            return ("Remove AllowCredentials()", CallSyntax.RemoveCall(root, credentials));
        }

        return SupportsCredentialsSyntax.FindAssignment(root, model, span, cancellationToken) is { } assignment
            ? ("Remove SupportsCredentials = true", SupportsCredentialsSyntax.Remove(root, assignment))
            : default;
    }
}
