using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Reads the origins given to <c>WithOrigins</c> or the builder constructor, resolving constants.</summary>
internal static class OriginArguments
{
    // How many readonly fields, locals, properties or helpers are followed to their values (a field's collection may spread
    // another field; a local may hold `configured ?? new[] { ... }`).
    private const int MaxDepth = 3;

    /// <summary>The values of a <c>WithMethods</c>, <c>WithHeaders</c> or <c>WithExposedHeaders</c> call: constants, inline arrays and readonly arrays.</summary>
    public static ImmutableArray<OriginValue> Read(ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken) =>
        Read(arguments, followFallbacks: false, cancellationToken);

    /// <summary>
    /// The origins of a <c>WithOrigins</c> call (or the builder constructor): as <see cref="Read(ImmutableArray{IArgumentOperation}, CancellationToken)"/>,
    /// and through <c>configured ?? fallback</c>, also held by a local, readonly field, property or helper method: the
    /// configured value stays unknown, and the fallback's values are origins of the list when it is null (<see cref="OriginValue.FallbackOf"/>).
    /// </summary>
    public static ImmutableArray<OriginValue> ReadOrigins(ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken) =>
        Read(arguments, followFallbacks: true, cancellationToken);

    private static ImmutableArray<OriginValue> Read(ImmutableArray<IArgumentOperation> arguments, bool followFallbacks, CancellationToken cancellationToken)
    {
        var reader = new Reader(followFallbacks, cancellationToken);
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type is IArrayTypeSymbol)
            {
                reader.AddArray(argument.Value, depth: 0, ImmutableArray<ICoalesceOperation>.Empty);
            }
        }

        return reader.Origins.ToImmutable();
    }

    private sealed class Reader
    {
        private readonly bool _followFallbacks;
        private readonly CancellationToken _cancellationToken;

        public Reader(bool followFallbacks, CancellationToken cancellationToken)
        {
            _followFallbacks = followFallbacks;
            _cancellationToken = cancellationToken;
        }

        public ImmutableArray<OriginValue>.Builder Origins { get; } = ImmutableArray.CreateBuilder<OriginValue>();

        public void AddArray(IOperation value, int depth, ImmutableArray<ICoalesceOperation> fallbackOf)
        {
            value = value.WalkDownConversion();
            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        AddElement(element, fallbackOf);
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
                            AddSpread(element, depth, fallbackOf);
                        }
                        else
                        {
                            AddElement(element, fallbackOf);
                        }
                    }

                    return;

                case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth < MaxDepth:
                    if (SourceOperations.GetInitializer(field, value, _cancellationToken) is { } fieldValue)
                    {
                        AddArray(fieldValue, depth + 1, fallbackOf);
                        return;
                    }

                    break;

                case ICoalesceOperation coalesce when _followFallbacks:
                    // The checked value (configuration, as a rule) stays what it was: an unknown number of unknown origins.
                    Origins.Add(new OriginValue(null, null, coalesce, fallbackOf));
                    AddArray(coalesce.WhenNull, depth, fallbackOf.Add(coalesce));
                    return;

                case IInvocationOperation { TargetMethod: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_Array } } when !fallbackOf.IsEmpty:
                    // `configured ?? Array.Empty<string>()`: no origin when the configured value is missing.
                    return;

                case { } when _followFallbacks && depth < MaxDepth && HeldChoice(value) is { } choice:
                    AddArray(choice, depth + 1, fallbackOf);
                    return;
            }

            // An array the model cannot see into: an unknown number of unknown origins.
            Origins.Add(new OriginValue(null, null, null, fallbackOf));
        }

        private void AddElement(IOperation element, ImmutableArray<ICoalesceOperation> fallbackOf)
        {
            element = element.WalkDownConversion();
            if (_followFallbacks && element is ICoalesceOperation coalesce)
            {
                // WithOrigins(configuration["Cors:Origin"] ?? "https://app.com"): one origin, the configured one or the fallback.
                Origins.Add(new OriginValue(null, coalesce, coalesce, fallbackOf));
                AddElement(coalesce.WhenNull, fallbackOf.Add(coalesce));
                return;
            }

            Origins.Add(new OriginValue(element.GetConstantString(), element, null, fallbackOf));
        }

        private void AddSpread(IOperation spread, int depth, ImmutableArray<ICoalesceOperation> fallbackOf)
        {
            foreach (var operand in spread.ChildOperations)
            {
                // Only field hops count towards the depth: a spread is nested syntax and ends with the collection.
                AddArray(operand, depth, fallbackOf);
                return;
            }

            Origins.Add(new OriginValue(null, null, null, fallbackOf));
        }

        /// <summary>
        /// The <c>configured ?? fallback</c> a local holds (its one value), or a property or helper method of the project returns
        /// (its one returned value, or a get-only auto-property's initializer nothing else writes); null for anything else.
        /// </summary>
        private IOperation? HeldChoice(IOperation value)
        {
            var held = value switch
            {
                ILocalReferenceOperation local => LocalWrites.Of(local, _cancellationToken) is { Length: 1 } writes ? writes[0] : null,
                IPropertyReferenceOperation { Property: { IsIndexer: false } property } => PropertyValue(property, value),
                IInvocationOperation { TargetMethod: { } method } => IsFollowable(method) && SourceOperations.GetBody(method, value, _cancellationToken) is { } body
                    ? SingleReturn(body)
                    : null,
                _ => null,
            };
            return held?.WalkDownConversion() is ICoalesceOperation ? held : null;
        }

        private IOperation? PropertyValue(IPropertySymbol property, IOperation reference)
        {
            if (!IsFollowable(property))
            {
                return null;
            }

            if (SourceOperations.GetGetterBody(property, reference, _cancellationToken) is { } getter)
            {
                return SingleReturn(getter);
            }

            // A get-only auto-property: its initializer, unless a constructor of its type assigns it.
            return property.SetMethod is null && !KnownValue.IsWrittenInType(property, _cancellationToken)
                ? SourceOperations.GetInitializer(property, reference, _cancellationToken)
                : null;
        }

        /// <summary>A member whose code is the one that runs: not virtual, abstract or an override, declared in source.</summary>
        private static bool IsFollowable(ISymbol member) =>
            !member.IsVirtual && !member.IsAbstract && !member.IsOverride && !member.IsExtern && !member.DeclaringSyntaxReferences.IsEmpty;

        private static IOperation? SingleReturn(IOperation body)
        {
            IOperation? returned = null;
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IReturnOperation { ReturnedValue: var value })
                {
                    if (returned is not null || value is null)
                    {
                        return null;
                    }

                    returned = value;
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }

            return returned;
        }
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
