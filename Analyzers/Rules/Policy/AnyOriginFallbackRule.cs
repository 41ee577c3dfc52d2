using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS030: any origin chosen exactly when the origins read from configuration are missing or empty: an
/// <c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c> or always-true predicate in the branch of an emptiness test of a
/// configured value (or after an early exit taken when it is not empty), or a <c>"*"</c> fallback after <c>??</c> on a
/// configured value. Silent in development-only code, and when the tested value is not read from configuration.
/// </summary>
internal static class AnyOriginFallbackRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.IsDevelopment || !path.OriginsKnown)
            {
                continue;
            }

            if (AnyOriginChoice(policy, path) is { } choice
                && !DevelopmentOnly.IsInDebugRegion(choice.Call.Operation.Syntax)
                && EmptyBranch(choice.Call.Operation, context) is { } branch)
            {
                context.Report(
                    DiagnosticDescriptors.AnyOriginFallback,
                    choice.Call.Location,
                    new[] { branch.Test.Syntax.GetLocation() },
                    messageArgs: new object?[] { choice.Text, branch.Key });
            }

            if (StarFallback(path, context) is { } fallback && !DevelopmentOnly.IsInDebugRegion(fallback.Coalesce.Syntax))
            {
                context.Report(
                    DiagnosticDescriptors.AnyOriginFallback,
                    fallback.Coalesce.WhenNull.Syntax.GetLocation(),
                    new[] { fallback.Coalesce.Value.Syntax.GetLocation() },
                    messageArgs: new object?[] { "The fallback \"*\"", fallback.Key });
            }
        }
    }

    private static (PolicyCall Call, string Text)? AnyOriginChoice(PolicyAnalysis policy, PolicyState path)
    {
        if (path.AnyOriginCall is { } anyOrigin)
        {
            return anyOrigin.Kind switch
            {
                PolicyCallKind.AllowAnyOrigin => (anyOrigin, "AllowAnyOrigin()"),
                PolicyCallKind.WithOrigins when anyOrigin.Origins.Length == 1 && anyOrigin.Origins[0].Operation?.WalkDownConversion().ConstantValue.HasValue == true => (anyOrigin, "WithOrigins(\"*\")"),
                _ => null,
            };
        }

        return path.OriginCheck is { Kind: PolicyCallKind.SetIsOriginAllowed } check && policy.Predicate(check) is { IsAlwaysTrue: true }
            ? (check, "An always-true SetIsOriginAllowed")
            : null;
    }

    /// <summary>The emptiness test of a configured value that leads to <paramref name="call"/>: an enclosing branch, or an earlier early exit.</summary>
    private static (IOperation Test, string Key)? EmptyBranch(IOperation call, RuleContext context)
    {
        for (IOperation child = call, parent = call.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when !ReferenceEquals(child, conditional.Condition):
                    if (ConfiguredEmpty(conditional.Condition, ReferenceEquals(child, conditional.WhenTrue), context) is { } key)
                    {
                        return (conditional.Condition, key);
                    }

                    break;
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, child))
                        {
                            break;
                        }

                        // if (origins is { Length: > 0 }) { p.WithOrigins(origins); return; } p.AllowAnyOrigin();
                        if (statement is IConditionalOperation { WhenFalse: null } early && Exits(early.WhenTrue)
                            && ConfiguredEmpty(early.Condition, outcome: false, context) is { } earlyKey)
                        {
                            return (early.Condition, earlyKey);
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static string? ConfiguredEmpty(IOperation condition, bool outcome, RuleContext context)
    {
        foreach (var value in EmptinessTest.ProvenEmpty(condition, outcome))
        {
            var reads = ConfigurationReads.OfValue(value, context.Types, context.CancellationToken);
            if (!reads.IsEmpty)
            {
                return reads[0].Key ?? value.Syntax.ToString();
            }
        }

        return null;
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IBlockOperation block => block.Operations.Length > 0 && Exits(block.Operations[block.Operations.Length - 1]),
        IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        _ => false,
    };

    /// <summary><c>WithOrigins(configured ?? new[] { "*" })</c>, <c>(configured ?? "*").Split(',')</c>, also through a local, as the whole final list.</summary>
    private static (ICoalesceOperation Coalesce, string Key)? StarFallback(PolicyState path, RuleContext context)
    {
        if (path.Origins.IsEmpty)
        {
            return null;
        }

        var call = path.Origins[0].Call;
        foreach (var (_, from) in path.Origins)
        {
            if (!ReferenceEquals(from, call))
            {
                return null;
            }
        }

        if (call.Kind != PolicyCallKind.WithOrigins || call.Operation is not IInvocationOperation { Arguments.Length: 1 } invocation)
        {
            return null;
        }

        var argument = invocation.Arguments[0];
        var value = argument.ArgumentKind == ArgumentKind.ParamArray
            ? argument.Value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements } ? elements[0] : null
            : argument.Value;
        if (value is null || Coalesce(value, 0, context) is not { } coalesce)
        {
            return null;
        }

        var reads = ConfigurationReads.OfValue(coalesce.Value, context.Types, context.CancellationToken);
        return reads.IsEmpty ? null : (coalesce, reads[0].Key ?? coalesce.Value.Syntax.ToString());
    }

    private static ICoalesceOperation? Coalesce(IOperation value, int depth, RuleContext context)
    {
        if (depth > 4)
        {
            return null;
        }

        switch (value.WalkDownConversion())
        {
            case ICoalesceOperation coalesce when IsStar(coalesce.WhenNull):
                return coalesce;
            case ILocalReferenceOperation local when LocalWrites.Of(local, context.CancellationToken) is { Length: 1 } writes:
                return Coalesce(writes[0], depth + 1, context);
            case IInvocationOperation { TargetMethod: { Name: "Split", ContainingType.SpecialType: SpecialType.System_String }, Instance: { } text }:
                return Coalesce(text, depth + 1, context);
            default:
                return null;
        }
    }

    private static bool IsStar(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: CorsConstants.AnyOrigin })
        {
            return true;
        }

        if (operation is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements })
        {
            return IsStar(elements[0]);
        }

        if (operation.Syntax is CollectionExpressionSyntax { Elements.Count: 1 })
        {
            foreach (var element in operation.ChildOperations)
            {
                return element.Syntax is not SpreadElementSyntax && IsStar(element);
            }
        }

        return false;
    }
}
