using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>CORS015: [EnableCors] and [DisableCors] on the same class or member.</summary>
internal static class ConflictingCorsAttributesRule
{
    public static void Check(ISymbol symbol, RuleContext context)
    {
        AttributeData? enable = null;
        AttributeData? disable = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, context.Types.EnableCorsAttribute))
            {
                enable ??= attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, context.Types.DisableCorsAttribute))
            {
                disable ??= attribute;
            }
        }

        if (enable?.ApplicationSyntaxReference is { } enableSyntax && disable?.ApplicationSyntaxReference is { } disableSyntax)
        {
            context.Report(Diagnostic.Create(
                DiagnosticDescriptors.ConflictingCorsAttributes,
                Location.Create(enableSyntax.SyntaxTree, enableSyntax.Span),
                new[] { Location.Create(disableSyntax.SyntaxTree, disableSyntax.Span) },
                symbol.Name));
        }
    }
}
