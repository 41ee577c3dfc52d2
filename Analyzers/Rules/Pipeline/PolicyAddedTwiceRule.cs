using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS014: an <c>AddPolicy</c> with a name, or an <c>AddDefaultPolicy</c>, that an earlier call on the same options
/// (the same options object in one body, or another <c>AddCors</c> lambda on the same services) already made, both
/// unconditionally: the later one silently replaces the first.
/// </summary>
internal static class PolicyAddedTwiceRule
{
    public static void Check(CorsCall registration, RuleContext context)
    {
        if (registration.Kind is not (CorsCallKind.AddPolicy or CorsCallKind.AddDefaultPolicy))
        {
            return;
        }

        var call = registration.Invocation;
        var name = registration.Kind == CorsCallKind.AddPolicy ? CorsCalls.AddedPolicyName(call, context.CancellationToken) : null;
        if (registration.Kind == CorsCallKind.AddPolicy && name is null)
        {
            return;
        }

        if (registration.AddedPolicies.FirstOf(call, name, context.CancellationToken) is { } first && !ReferenceEquals(first, call))
        {
            var what = name is null ? "A default policy" : $"Policy '{name}'";
            context.Report(Diagnostic.Create(DiagnosticDescriptors.PolicyAddedTwice, call.GetCallLocation(), new[] { first.GetCallLocation() }, what));
        }
    }
}
