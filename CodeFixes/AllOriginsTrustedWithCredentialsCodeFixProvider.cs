using System.Composition;
using System.Linq;
using System.Threading;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS002: replaces the always-true origin predicate with origins read from configuration.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllOriginsTrustedWithCredentialsCodeFixProvider)), Shared]
public sealed class AllOriginsTrustedWithCredentialsCodeFixProvider : CorsCodeFixProvider
{
    public const string UseConfiguredOriginsKey = "CORS002_UseConfiguredOrigins";

    public AllOriginsTrustedWithCredentialsCodeFixProvider()
        : base(DiagnosticIds.AllOriginsTrustedWithCredentials)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        var model = context.Model;
        if (CallSyntax.FindInvocation(root, diagnostic.Location.SourceSpan) is { } predicate
            && CallSyntax.IsBuilderCall(model, predicate, context.CancellationToken, "SetIsOriginAllowed")
            && ConfiguredOrigins.Find(model, predicate, context.CancellationToken) is { } origins)
        {
            context.RegisterRootFix(
                "Allow only the origins listed in configuration",
                origins.ReplaceCall(root, predicate, OnlyUseOfLocalFunction(root, model, predicate, context.CancellationToken)),
                UseConfiguredOriginsKey,
                diagnostic);
        }
    }

    /// <summary>The local function a method-group predicate names, when nothing else uses it: it goes with the predicate.</summary>
    private static SyntaxNode? OnlyUseOfLocalFunction(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax predicate, CancellationToken cancellationToken)
    {
        if (predicate.ArgumentList.Arguments.Count != 1
            || predicate.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax name
            || model.GetSymbolInfo(name, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.LocalFunction } function
            || function.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not LocalFunctionStatementSyntax declaration
            || declaration.SyntaxTree != root.SyntaxTree)
        {
            return null;
        }

        var uses = root.DescendantNodes().OfType<IdentifierNameSyntax>().Count(i => i.Identifier.ValueText == function.Name
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, function));
        return uses == 1 ? (declaration.Parent is GlobalStatementSyntax global ? global : declaration) : null;
    }
}
