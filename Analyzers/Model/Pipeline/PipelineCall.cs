using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

internal enum MiddlewareKind
{
    /// <summary>Another framework middleware or endpoint call (UseStaticFiles, MapGet, Run, ...).</summary>
    Other,
    UseCors,
    UseRouting,
    UseAuthentication,
    UseAuthorization,
    UseEndpoints,
    UseResponseCaching,
    UseOutputCache,

    /// <summary>The app went into code the model cannot see that may add middleware, CORS included.</summary>
    Unknown,
}

/// <summary>One call that adds to the request pipeline, in the order it runs.</summary>
internal sealed class PipelineCall
{
    public PipelineCall(MiddlewareKind kind, IInvocationOperation operation, IInvocationOperation? entry = null)
    {
        Kind = kind;
        Operation = operation;
        Entry = entry ?? operation;
    }

    public MiddlewareKind Kind { get; }

    public IInvocationOperation Operation { get; }

    /// <summary>The call written in the pipeline's root body that adds this one: the call itself, or the project's helper it is made in.</summary>
    public IInvocationOperation Entry { get; }

    /// <summary>
    /// The statement that holds nothing but this call on a plain receiver (<c>app.UseCors();</c>, or its result discarded:
    /// <c>_ = app.UseCors();</c>), or null for a call in a chain or expression.
    /// </summary>
    public IExpressionStatementOperation? Statement => StandaloneStatement(Operation);

    /// <summary>The statement that holds nothing but <paramref name="call"/> on a plain receiver, its result maybe discarded, or null.</summary>
    public static IExpressionStatementOperation? StandaloneStatement(IInvocationOperation call)
    {
        if (call.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } })
        {
            return null;
        }

        var parent = call.Parent is IConversionOperation conversion ? conversion.Parent : call.Parent;
        if (parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard && ReferenceEquals(discard.Value.WalkDownConversion(), call))
        {
            parent = discard.Parent;
        }

        return parent as IExpressionStatementOperation;
    }

    /// <summary>True when <paramref name="statement"/> discards its call's result (<c>_ = app.UseCors();</c>): what a fix writes beside it does the same.</summary>
    public static bool IsDiscard(IExpressionStatementOperation statement) =>
        statement.Operation is ISimpleAssignmentOperation { Target: IDiscardOperation };

    /// <summary>Where a diagnostic about this call goes: its statement when it stands alone, otherwise the call.</summary>
    public Location Location => Statement?.Syntax.GetLocation() ?? Operation.GetCallLocation();
}
