using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// The text a header write sends when the code proves it: a known string, or an array, collection expression or
/// <c>new StringValues(...)</c> of known strings, through the implicit conversions to <c>StringValues</c>. Several values
/// are joined with <c>,</c>, as <c>StringValues.ToString()</c> does.
/// </summary>
internal static class HeaderValue
{
    public static string? Text(IOperation? value, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return null;
        }

        value = value.WalkDownConversion();
        if (KnownValue.Of(value, cancellationToken) is { } text)
        {
            return text;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return Join(initializer.ElementValues, types, cancellationToken);
            case IObjectCreationOperation { Arguments.Length: 1 } creation
                when types.StringValues is { } stringValues && SymbolEqualityComparer.Default.Equals(creation.Type, stringValues):
                return Text(creation.Arguments[0].Value, types, cancellationToken);
        }

        return value.Syntax is CollectionExpressionSyntax collection ? CollectionText(collection, value, types, cancellationToken) : null;
    }

    private static string? Join(System.Collections.Generic.IEnumerable<IOperation> elements, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var count = 0;
        foreach (var element in elements)
        {
            if (Text(element, types, cancellationToken) is not { } part)
            {
                return null;
            }

            text.Append(count++ == 0 ? string.Empty : ",").Append(part);
        }

        return count == 0 ? null : text.ToString();
    }

    /// <summary><c>["*"]</c>: read element by element, so it works whatever operation the compiler gives the whole expression.</summary>
    private static string? CollectionText(CollectionExpressionSyntax collection, IOperation value, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (value.SemanticModel is not { } model)
        {
            return null;
        }

        var elements = new System.Collections.Generic.List<IOperation>(collection.Elements.Count);
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax { Expression: { } expression } || model.GetOperation(expression, cancellationToken) is not { } operation)
            {
                return null;
            }

            elements.Add(operation);
        }

        return Join(elements, types, cancellationToken);
    }
}
