using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// Builds <c>configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []</c> from the
/// <c>IConfiguration</c> in scope, so a permissive origin becomes an explicit list kept in app settings.
/// </summary>
internal static class ConfiguredOrigins
{
    public const string SectionKey = "Cors:AllowedOrigins";

    private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

    /// <summary>The expression for the configured origins at <paramref name="position"/>, or null when no configuration is in scope.</summary>
    public static ExpressionSyntax? Create(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var configuration = FindConfiguration(model, position, cancellationToken);
        if (configuration is null)
        {
            return null;
        }

        var read = $"{configuration}.GetSection(\"{SectionKey}\").Get<string[]>()";
        var fallback = ((CSharpParseOptions)model.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12
            ? "[]"
            : "System.Array.Empty<string>()";
        return SyntaxFactory.ParseExpression($"{read} ?? {fallback}");
    }

    /// <summary>True when <c>Get&lt;T&gt;()</c> needs a <c>using Microsoft.Extensions.Configuration;</c> at <paramref name="position"/>.</summary>
    public static bool NeedsUsing(SemanticModel model, int position, ExpressionSyntax origins)
    {
        var read = origins is BinaryExpressionSyntax binary ? binary.Left : origins;
        var info = model.GetSpeculativeSymbolInfo(position, read, SpeculativeBindingOption.BindAsExpression);
        return info.Symbol is null;
    }

    /// <summary>Replaces <c>X.AllowAnyOrigin()</c>, <c>X.WithOrigins("*")</c> or <c>X.SetIsOriginAllowed(...)</c> with <c>X.WithOrigins(origins)</c>.</summary>
    public static SyntaxNode ReplaceCall(SyntaxNode root, InvocationExpressionSyntax call, ExpressionSyntax origins, bool needsUsing)
    {
        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(origins)))
            .WithTriviaFrom(call.ArgumentList);
        var replacement = call.WithArgumentList(arguments);
        if (call.Expression is MemberAccessExpressionSyntax memberAccess)
        {
            replacement = replacement.WithExpression(
                memberAccess.WithName(SyntaxFactory.IdentifierName("WithOrigins").WithTriviaFrom(memberAccess.Name)));
        }

        root = root.ReplaceNode(call, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        return needsUsing ? AddUsing(root) : root;
    }

    public static SyntaxNode AddUsing(SyntaxNode root) => Imports.AddUsing(root, ConfigurationNamespace);

    private static string? FindConfiguration(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var configurationType = model.Compilation.GetTypeByMetadataName(ConfigurationNamespace + ".IConfiguration");
        if (configurationType is null)
        {
            return null;
        }

        var inStaticContext = IsStaticContext(model.GetEnclosingSymbol(position, cancellationToken));
        string? best = null;
        var bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (!IsUsable(symbol, position, inStaticContext) || GetType(symbol) is not { } type)
            {
                continue;
            }

            var rank = Rank(symbol, type, configurationType);
            if (rank < bestRank)
            {
                best = rank == ViaPropertyRank ? symbol.Name + ".Configuration" : symbol.Name;
                bestRank = rank;
            }
        }

        return best;
    }

    private const int ViaPropertyRank = 3;

    /// <summary>
    /// Lower is better: the method's own configuration, then the type's member (Startup.Configuration), then a captured
    /// primary-constructor parameter, then builder.Configuration / app.Configuration; int.MaxValue when unusable.
    /// </summary>
    private static int Rank(ISymbol symbol, ITypeSymbol type, INamedTypeSymbol configurationType)
    {
        if (IsConfiguration(type, configurationType))
        {
            return symbol switch
            {
                IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } => 2,
                IFieldSymbol or IPropertySymbol => 1,
                _ => 0,
            };
        }

        if (symbol is ILocalSymbol or IParameterSymbol
            && type.GetMembers("Configuration").OfType<IPropertySymbol>().Any(p => !p.IsStatic && IsConfiguration(p.Type, configurationType)))
        {
            return ViaPropertyRank;
        }

        return int.MaxValue;
    }

    private static bool IsUsable(ISymbol symbol, int position, bool inStaticContext)
    {
        switch (symbol)
        {
            case ILocalSymbol local:
                // A local is in scope in its whole block but usable only after its declaration.
                return local.DeclaringSyntaxReferences.All(r => r.Span.End < position);
            case IParameterSymbol:
                return true;
            case IFieldSymbol or IPropertySymbol:
                return !inStaticContext || symbol.IsStatic;
            default:
                return false;
        }
    }

    private static ITypeSymbol? GetType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configurationType) =>
        SymbolEqualityComparer.Default.Equals(type, configurationType)
        || type.AllInterfaces.Contains(configurationType, SymbolEqualityComparer.Default);

    private static bool IsStaticContext(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
        {
            if (inner.IsStatic)
            {
                return true;
            }

            symbol = inner.ContainingSymbol;
        }

        return symbol?.IsStatic ?? true;
    }
}
