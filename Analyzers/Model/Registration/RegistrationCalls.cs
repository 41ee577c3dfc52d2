using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.Model;

/// <summary>The service registrations that bring the CORS services, also where the call does not bind.</summary>
internal static class RegistrationCalls
{
    /// <summary>AddCors on the services or on an MVC core builder, and the MVC registrations that add CORS too.</summary>
    public static bool Registers(IMethodSymbol method, CorsKnownTypes types) =>
        CorsCalls.Classify(method, types) is CorsCallKind.AddCors or CorsCallKind.AddMvc;

    /// <summary>
    /// An invocation that does not bind but whose candidates include a registering method: the call exists, an argument
    /// (often a lambda using a type the compilation cannot see) has errors.
    /// </summary>
    public static bool MayRegister(InvocationExpressionSyntax invocation, SemanticModel? model, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (InvokedName(invocation) is not ("AddCors" or "AddControllers" or "AddControllersWithViews" or "AddMvc") || model is null)
        {
            return false;
        }

        foreach (var candidate in model.GetSymbolInfo(invocation, cancellationToken).CandidateSymbols)
        {
            if (candidate is IMethodSymbol method && Registers(method.ReducedFrom ?? method, types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name an invocation calls, read from the syntax (<c>x.Name(...)</c>, <c>x?.Name(...)</c>, <c>Name&lt;T&gt;(...)</c>).</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
