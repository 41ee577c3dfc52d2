using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Every value a local is given in the body that declares it: its initializer and each assignment.</summary>
internal static class LocalWrites
{
    /// <summary>The values, or null when the local is also written in a way whose value is not visible (ref, out, deconstruction).</summary>
    public static ImmutableArray<IOperation>? Of(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.IsRef)
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in Root(reference).DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer?.Value is { } initializer)
                    {
                        values.Add(initializer);
                    }

                    break;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local):
                    switch (use.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, use):
                            values.Add(assignment.Value);
                            break;
                        case ICoalesceAssignmentOperation assignment when ReferenceEquals(assignment.Target, use):
                            values.Add(assignment.Value);
                            break;
                        case IAssignmentOperation assignment when ReferenceEquals(assignment.Target, use):
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                        case ITupleOperation or IDeclarationExpressionOperation or IInvalidOperation:
                            return null;
                    }

                    break;
            }
        }

        return values.ToImmutable();
    }

    /// <summary>The outermost operation of the body the reference is in.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
