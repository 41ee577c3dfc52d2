using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Reads the origins given to <c>WithOrigins</c> or the builder constructor, resolving constants.</summary>
internal static class OriginArguments
{
    // How many readonly fields are followed to their initializers (a field's collection may spread another field).
    private const int MaxDepth = 3;

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

            case { Syntax: CollectionExpressionSyntax collection } when collection.Elements.Count == CountChildren(value):
                // Roslyn 4.8 has no collection-expression operation yet: its children are the elements in order, the
                // value of an expression element or the spread of a `..` element (whose child is the spread collection).
                var index = 0;
                foreach (var element in value.ChildOperations)
                {
                    if (collection.Elements[index++] is SpreadElementSyntax)
                    {
                        AddSpread(element, origins, depth, cancellationToken);
                    }
                    else
                    {
                        origins.Add(new OriginValue(element.WalkDownConversion().GetConstantString(), element.WalkDownConversion()));
                    }
                }

                return;

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth < MaxDepth:
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

    private static void AddSpread(IOperation spread, ImmutableArray<OriginValue>.Builder origins, int depth, CancellationToken cancellationToken)
    {
        foreach (var operand in spread.ChildOperations)
        {
            // Only field hops count towards the depth: a spread is nested syntax and ends with the collection.
            AddArray(operand, origins, depth, cancellationToken);
            return;
        }

        origins.Add(new OriginValue(null, null));
    }

    private static int CountChildren(IOperation operation)
    {
        var count = 0;
        foreach (var _ in operation.ChildOperations)
        {
            count++;
        }

        return count;
    }
}
