using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// The string an expression has when the code proves it: a constant, or a local, <c>static readonly</c> or <c>readonly</c>
/// field whose one assignment is its initializer from a known value and that nothing writes again
/// (<c>var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";</c>). A value written on some path stays unknown.
/// </summary>
internal static class KnownValue
{
    /// <summary>How many locals or fields a value is followed through (<c>var a = "x"; var b = a;</c>).</summary>
    private const int MaxDepth = 4;

    public static string? Of(IOperation operation, CancellationToken cancellationToken) => Of(operation, cancellationToken, 0);

    private static string? Of(IOperation operation, CancellationToken cancellationToken, int depth)
    {
        operation = operation.WalkDownConversion();
        if (operation.GetConstantString() is { } constant)
        {
            return constant;
        }

        if (depth >= MaxDepth)
        {
            return null;
        }

        return operation switch
        {
            ILocalReferenceOperation local => LocalValue(local, cancellationToken, depth),
            IFieldReferenceOperation { Field: { IsReadOnly: true, IsConst: false } field } reference => FieldValue(field, reference, cancellationToken, depth),
            _ => null,
        };
    }

    /// <summary>The initializer of the local, when the body it lives in never writes it.</summary>
    private static string? LocalValue(ILocalReferenceOperation reference, CancellationToken cancellationToken, int depth)
    {
        var local = reference.Local;
        if (local.IsRef)
        {
            return null;
        }

        IOperation root = reference;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        IOperation? initializer = null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local) && IsWritten(use):
                    return null;
            }
        }

        return initializer is null ? null : Of(initializer, cancellationToken, depth + 1);
    }

    /// <summary>True when the reference is assigned, incremented, passed by ref or out, or sits in code that does not bind.</summary>
    private static bool IsWritten(IOperation reference)
    {
        if (reference.Syntax.Parent is RefExpressionSyntax)
        {
            return true;
        }

        var current = reference;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple;
        }

        return current.Parent switch
        {
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, current),
            IIncrementOrDecrementOperation or IAddressOfOperation or IInvalidOperation => true,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
            _ => false,
        };
    }

    /// <summary>The initializer of a readonly field declared in source, when no code of its type (constructors, init accessors) writes it.</summary>
    private static string? FieldValue(IFieldSymbol field, IOperation reference, CancellationToken cancellationToken, int depth)
    {
        if (field.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } || IsWrittenInType(field, cancellationToken))
        {
            return null;
        }

        return SourceOperations.GetInitializer(field, reference, cancellationToken) is { } initializer
            ? Of(initializer, cancellationToken, depth + 1)
            : null;
    }

    /// <summary>
    /// Whether code of the member's type may write it besides its initializer (a constructor assigning a readonly field or a
    /// get-only property); true when the type's code cannot be seen.
    /// </summary>
    public static bool IsWrittenInType(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } type)
        {
            return true;
        }

        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (WritesName(declaration.GetSyntax(cancellationToken), member.Name, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the type's code writes a member of that name (or assigns <c>this</c> in a struct). Read from the syntax:
    /// a readonly field can only be written inside its type, and a name that merely matches makes the value unknown,
    /// never known.
    /// </summary>
    private static bool WritesName(SyntaxNode typeSyntax, string name, CancellationToken cancellationToken)
    {
        foreach (var node in typeSyntax.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is AssignmentExpressionSyntax { Left: ThisExpressionSyntax })
            {
                return true;
            }

            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && IsWriteTarget(identifier))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteTarget(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
        {
            node = access;
        }

        while (node.Parent is ParenthesizedExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } or TupleExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression),
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            RefExpressionSyntax => true,
            _ => false,
        };
    }
}
