using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>One CORS registration call as it is analyzed: the call, what it is, and the policies the compilation adds.</summary>
internal sealed class CorsCall
{
    public CorsCall(IInvocationOperation invocation, CorsCallKind kind, AddedPolicyIndex addedPolicies)
    {
        Invocation = invocation;
        Kind = kind;
        AddedPolicies = addedPolicies;
    }

    public IInvocationOperation Invocation { get; }

    public CorsCallKind Kind { get; }

    public AddedPolicyIndex AddedPolicies { get; }
}
