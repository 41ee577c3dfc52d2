using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Which <c>CorsOptions</c> an <c>AddPolicy</c>/<c>AddDefaultPolicy</c> call configures, and the body its calls are in
/// order in. Every <c>AddCors(o => ...)</c> on the same services configures the same options, so the calls of several
/// <c>AddCors</c> lambdas in one body share one scope; other calls share the options object of their own body.
/// </summary>
internal readonly struct CorsOptionsScope
{
    private CorsOptionsScope(IOperation body, string key)
    {
        Body = body;
        Key = key;
    }

    /// <summary>The lambda or method body that holds every call of the scope, with no branch between it and them.</summary>
    public IOperation Body { get; }

    /// <summary>Names the options object: the services <c>AddCors</c> is called on, or the local or parameter that holds them.</summary>
    public string Key { get; }

    /// <summary>The scope of <paramref name="call"/>, or null when it runs under a branch or on an options object that cannot be named.</summary>
    public static CorsOptionsScope? Of(IInvocationOperation call, CorsKnownTypes types)
    {
        if (!TryGetUnconditionalBody(call, out var body, out var lambda))
        {
            return null;
        }

        var options = call.Instance?.WalkDownConversion();
        if (lambda is { Symbol.Parameters.Length: 1 } && options is IParameterReferenceOperation parameter
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambda.Symbol.Parameters[0])
            && AddCorsOf(lambda, types) is { } addCors
            && addCors.Arguments.Length > 0 && ServicesName(addCors.Arguments[0].Value) is { } services
            && TryGetUnconditionalBody(addCors, out var outer, out _))
        {
            return new CorsOptionsScope(outer, "AddCors\0" + services);
        }

        return options switch
        {
            IParameterReferenceOperation reference => new CorsOptionsScope(body, reference.Parameter.Name),
            ILocalReferenceOperation local => new CorsOptionsScope(body, local.Local.Name),
            _ => null,
        };
    }

    /// <summary>The <c>services.AddCors(lambda)</c> call the lambda is the configure argument of.</summary>
    private static IInvocationOperation? AddCorsOf(IAnonymousFunctionOperation lambda, CorsKnownTypes types) =>
        lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AddCors" } invocation } }
        && types.CorsServiceCollectionExtensions is { } extensions
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, extensions)
            ? invocation
            : null;

    /// <summary><c>services</c>, <c>builder.Services</c>: a name for the service collection, or null.</summary>
    private static string? ServicesName(IOperation services)
    {
        services = services.WalkDownConversion();
        return services switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IPropertyReferenceOperation { Instance: { } instance } property when ServicesName(instance) is { } owner => owner + "." + property.Property.Name,
            _ => null,
        };
    }

    /// <summary>The lambda or method body the call runs in, when no branch or loop stands between them.</summary>
    private static bool TryGetUnconditionalBody(IOperation call, out IOperation body, out IAnonymousFunctionOperation? lambda)
    {
        body = call;
        lambda = null;
        for (var current = call.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation or ILoopOperation or ISwitchOperation or ISwitchExpressionOperation or ICoalesceOperation or IConditionalAccessOperation or ITryOperation:
                    return false;
                case IAnonymousFunctionOperation function:
                    body = function.Body;
                    lambda = function;
                    return true;
                case ILocalFunctionOperation local when local.Body is not null:
                    body = local.Body;
                    return true;
                case IMethodBodyOperation method:
                    body = method;
                    return true;
            }

            body = current;
        }

        return true;
    }
}
