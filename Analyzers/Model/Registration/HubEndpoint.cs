using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>A <c>MapHub&lt;THub&gt;(...)</c> endpoint with the convention calls chained on it.</summary>
internal sealed class HubEndpoint
{
    private HubEndpoint(IInvocationOperation mapHub, INamedTypeSymbol? hub, IInvocationOperation? requireCors, bool metadataUnknown)
    {
        MapHub = mapHub;
        Hub = hub;
        RequireCors = requireCors;
        MetadataUnknown = metadataUnknown;
    }

    public IInvocationOperation MapHub { get; }

    /// <summary>The hub class; null when the type argument is not a named type.</summary>
    public INamedTypeSymbol? Hub { get; }

    /// <summary>The last <c>RequireCors(...)</c> chained on the endpoint: its metadata is the one the middleware reads.</summary>
    public IInvocationOperation? RequireCors { get; }

    /// <summary>
    /// The endpoint builder is kept or handed on (a local, a return value, an argument), or gets <c>WithMetadata(...)</c>:
    /// CORS metadata may be attached where the model does not look.
    /// </summary>
    public bool MetadataUnknown { get; }

    /// <summary>Follows the fluent chain on the <c>MapHub</c> result up to the statement that discards it.</summary>
    public static HubEndpoint From(IInvocationOperation mapHub, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var hub = mapHub.TargetMethod.TypeArguments.Length == 1 ? mapHub.TargetMethod.TypeArguments[0] as INamedTypeSymbol : null;
        IInvocationOperation? requireCors = null;
        var unknown = false;
        IOperation current = mapHub;
        while (Next(current) is { } call)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (CorsCalls.Classify(call, types))
            {
                case CorsCallKind.RequireCors:
                    requireCors = call;
                    break;
                case CorsCallKind.WithMetadata:
                    unknown = true;
                    break;
            }

            current = call;
        }

        unknown |= !Discarded(current);
        return new HubEndpoint(mapHub, hub, requireCors, unknown);
    }

    /// <summary>The call made on <paramref name="receiver"/>'s result, as instance or as extended argument.</summary>
    private static IInvocationOperation? Next(IOperation receiver)
    {
        var parent = receiver.Parent;
        while (parent is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion;
            parent = conversion.Parent;
        }

        return parent switch
        {
            IInvocationOperation call when ReferenceEquals(call.Instance, receiver) => call,
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } call } argument
                when call.Arguments.Length > 0 && ReferenceEquals(call.Arguments[0], argument) => call,
            _ => null,
        };
    }

    private static bool Discarded(IOperation chainEnd)
    {
        var parent = chainEnd.Parent;
        while (parent is IConversionOperation { IsImplicit: true } conversion)
        {
            parent = conversion.Parent;
        }

        return parent is IExpressionStatementOperation
            || (parent is IReturnOperation { IsImplicit: true } && chainEnd.SemanticModel?.GetEnclosingSymbol(chainEnd.Syntax.SpanStart) is IMethodSymbol { ReturnsVoid: true });
    }
}
