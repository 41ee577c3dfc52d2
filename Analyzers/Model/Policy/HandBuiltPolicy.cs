using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// What a hand-built <c>new CorsPolicy { ... }</c> sets: the origin "*" and <c>SupportsCredentials = true</c>, in the object
/// initializer or by the statements that follow the declaration of the local it is stored in (same block, straight line).
/// </summary>
internal static class HandBuiltPolicy
{
    private const string OriginsProperty = "Origins";
    private const string SupportsCredentialsProperty = "SupportsCredentials";

    /// <summary>The operations that add the origin "*" and set credentials; either is null when the policy does not.</summary>
    public static (IOperation? AnyOrigin, IOperation? Credentials) Read(IObjectCreationOperation creation, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        IOperation? anyOrigin = null;
        IOperation? credentials = null;
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                Inspect(member, instance: null, types, ref anyOrigin, ref credentials);
            }
        }

        if (StoredIn(creation) is var (local, declaration))
        {
            InspectFollowingStatements(declaration, local, types, ref anyOrigin, ref credentials, cancellationToken);
        }

        return (anyOrigin, credentials);
    }

    /// <summary>
    /// <c>SupportsCredentials = true</c>, <c>Origins = { "*" }</c> (in an initializer, <paramref name="instance"/> null),
    /// or <c>local.SupportsCredentials = true</c>, <c>local.Origins.Add("*")</c> (<paramref name="instance"/> the local).
    /// </summary>
    private static void Inspect(IOperation operation, ILocalSymbol? instance, CorsKnownTypes types, ref IOperation? anyOrigin, ref IOperation? credentials)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when IsPolicyProperty(target, SupportsCredentialsProperty, instance, types):
                credentials = assignment.Value.ConstantValue is { HasValue: true, Value: true } ? assignment : null;
                break;
            case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target, Initializer: { } origins }
                when instance is null && IsPolicyProperty(target, OriginsProperty, null, types):
                foreach (var add in origins.Initializers)
                {
                    anyOrigin ??= AnyOriginArgument(add);
                }

                break;
            case IInvocationOperation { TargetMethod.Name: "Add", Instance: IPropertyReferenceOperation target } add
                when instance is not null && IsPolicyProperty(target, OriginsProperty, instance, types):
                anyOrigin ??= AnyOriginArgument(add);
                break;
        }
    }

    private static void InspectFollowingStatements(
        IVariableDeclarationGroupOperation declaration,
        ILocalSymbol local,
        CorsKnownTypes types,
        ref IOperation? anyOrigin,
        ref IOperation? credentials,
        CancellationToken cancellationToken)
    {
        if (declaration.Parent is not IBlockOperation block)
        {
            return;
        }

        var after = false;
        foreach (var statement in block.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReferenceEquals(statement, declaration))
            {
                after = true;
            }
            else if (after && statement is IExpressionStatementOperation { Operation: { } expression })
            {
                Inspect(expression, local, types, ref anyOrigin, ref credentials);
            }
        }
    }

    /// <summary><c>var policy = new CorsPolicy(...);</c>: the local and the declaration statement.</summary>
    private static (ILocalSymbol Local, IVariableDeclarationGroupOperation Declaration)? StoredIn(IObjectCreationOperation creation) =>
        creation.Parent is IVariableInitializerOperation
        {
            Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation declaration } } declarator,
        }
            ? (declarator.Symbol, declaration)
            : null;

    private static bool IsPolicyProperty(IPropertyReferenceOperation reference, string name, ILocalSymbol? instance, CorsKnownTypes types)
    {
        if (reference.Property.Name != name || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, types.CorsPolicy))
        {
            return false;
        }

        return instance is null
            ? reference.Instance is IInstanceReferenceOperation
            : reference.Instance is ILocalReferenceOperation { Local: var target } && SymbolEqualityComparer.Default.Equals(target, instance);
    }

    private static IOperation? AnyOriginArgument(IOperation add) =>
        add is IInvocationOperation { Arguments.Length: 1 } invocation && invocation.Arguments[0].Value.GetConstantString() == "*"
            ? invocation.Arguments[0].Value
            : null;
}
