using System.Composition;
using System.Linq;
using System.Threading;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS007 for a configured list split without trimming: passes
/// <c>StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries</c> to <c>Split</c>, or, where the framework
/// has no <c>TrimEntries</c>, trims each entry with <c>.Select(origin =&gt; origin.Trim()).ToArray()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OriginNeverMatchesSplitEntriesCodeFixProvider)), Shared]
public sealed class OriginNeverMatchesSplitEntriesCodeFixProvider : CorsCodeFixProvider
{
    public const string TrimEntriesKey = "CORS007_TrimSplitEntries";

    public OriginNeverMatchesSplitEntriesCodeFixProvider()
        : base(DiagnosticIds.OriginNeverMatches)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SplitFix, out var kind)
            || CallSyntax.FindInvocation(context.Root, diagnostic.Location.SourceSpan) is not { } split
            || context.Model.GetSymbolInfo(split, context.CancellationToken).Symbol is not IMethodSymbol { Name: "Split" } method)
        {
            return;
        }

        var replacement = kind == "TrimEntries" ? WithTrimEntries(context.Model, split, method, context.CancellationToken) : WithTrimmedEntries(split);
        if (replacement is null)
        {
            return;
        }

        var rewritten = context.Root.ReplaceNode(split, replacement.WithTriviaFrom(split));
        context.RegisterRootFix(
            kind == "TrimEntries" ? "Trim the entries and drop empty ones" : "Trim each entry",
            kind != "TrimEntries" ? Imports.AddUsing(rewritten, "System.Linq") : rewritten,
            TrimEntriesKey,
            diagnostic);
    }

    private static InvocationExpressionSyntax? WithTrimEntries(SemanticModel model, InvocationExpressionSyntax split, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var optionsType = model.GetSpeculativeTypeInfo(split.SpanStart, SyntaxFactory.ParseTypeName("StringSplitOptions"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        var typeName = optionsType is null or { TypeKind: TypeKind.Error } ? "System.StringSplitOptions" : "StringSplitOptions";
        var options = SyntaxFactory.ParseExpression($"{typeName}.TrimEntries | {typeName}.RemoveEmptyEntries");
        var arguments = split.ArgumentList.Arguments;
        if (arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        // An options argument already there (None or RemoveEmptyEntries): replace it.
        for (var i = 0; i < arguments.Count && i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.TypeKind == TypeKind.Enum)
            {
                return split.WithArgumentList(split.ArgumentList.WithArguments(arguments.Replace(arguments[i], arguments[i].WithExpression(options.WithTriviaFrom(arguments[i].Expression)))));
            }
        }

        var separator = method.Parameters.FirstOrDefault();
        if (separator is { IsParams: true } && !(arguments.Count == 1 && model.GetTypeInfo(arguments[0].Expression, cancellationToken).ConvertedType is IArrayTypeSymbol))
        {
            // Split(',', ';') binds the params char[] overload, which takes no options: the separators become an array.
            var array = SyntaxFactory.ParseExpression("new[] { " + string.Join(", ", arguments.Select(a => a.Expression.ToString())) + " }");
            return split.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(array), SyntaxFactory.Argument(options) })));
        }

        return split.WithArgumentList(split.ArgumentList.AddArguments(SyntaxFactory.Argument(options)));
    }

    private static ExpressionSyntax WithTrimmedEntries(InvocationExpressionSyntax split) =>
        SyntaxFactory.ParseExpression($"{split.WithoutTrivia()}.Select(origin => origin.Trim()).ToArray()");
}
