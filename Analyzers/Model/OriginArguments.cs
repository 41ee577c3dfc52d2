using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Reads the origins given to <c>WithOrigins</c> or the builder constructor, resolving constants.</summary>
internal static class OriginArguments
{
    public static ImmutableArray<OriginValue> Read(ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
    {
        var origins = ImmutableArray.CreateBuilder<OriginValue>();
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type is IArrayTypeSymbol)
            {
                AddArray(argument.Value, origins, depth: 0, cancellationToken);
            }
        }

        return origins.ToImmutable();
    }

    private static void AddArray(IOperation value, ImmutableArray<OriginValue>.Builder origins, int depth, CancellationToken cancellationToken)
    {
        value = value.WalkDownConversion();
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    origins.Add(new OriginValue(element.WalkDownConversion().GetConstantString(), element.WalkDownConversion()));
                }

                return;

            case { Syntax: CollectionExpressionSyntax collection } when AllExpressionElements(collection):
                // Roslyn 4.8 has no collection-expression operation yet; its children are the element values.
                foreach (var element in value.ChildOperations)
                {
                    origins.Add(new OriginValue(element.WalkDownConversion().GetConstantString(), element.WalkDownConversion()));
                }

                return;

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth == 0:
                if (SourceOperations.GetInitializer(field, value, cancellationToken) is { } fieldValue)
                {
                    AddArray(fieldValue, origins, depth + 1, cancellationToken);
                    return;
                }

                break;
        }

        // An array the model cannot see into: an unknown number of unknown origins.
        origins.Add(new OriginValue(null, null));
    }

    private static bool AllExpressionElements(CollectionExpressionSyntax collection)
    {
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax)
            {
                return false;
            }
        }

        return true;
    }
}
