using System.Collections.Generic;
using System.Collections.Immutable;

namespace CorsAnalyzers.Model;

/// <summary>What a policy allows at the end of one execution path, computed from its calls in order.</summary>
internal sealed class PolicyState
{
    private PolicyState(ImmutableArray<PolicyCall> calls, bool isDevelopment)
    {
        Calls = calls;
        IsDevelopment = isDevelopment;
        var origins = new List<(OriginValue Origin, PolicyCall Call)>();
        var originsKnown = true;
        CredentialsKnown = true;
        foreach (var call in calls)
        {
            switch (call.Kind)
            {
                case PolicyCallKind.AllowAnyOrigin:
                    // The framework clears the list and adds "*".
                    origins.Clear();
                    origins.Add((new OriginValue(CorsConstants.AnyOrigin, null), call));
                    originsKnown = true;
                    break;
                case PolicyCallKind.WithOrigins:
                    foreach (var origin in call.Origins)
                    {
                        origins.Add((origin, call));
                    }

                    break;
                case PolicyCallKind.AllowCredentials:
                    Credentials = call;
                    CredentialsKnown = true;
                    break;
                case PolicyCallKind.DisallowCredentials:
                    Credentials = null;
                    CredentialsKnown = true;
                    break;
                case PolicyCallKind.SetIsOriginAllowed:
                    OriginPredicate = call;
                    OriginCheck = call;
                    break;
                case PolicyCallKind.SetIsOriginAllowedToAllowWildcardSubdomains:
                    WildcardSubdomains = call;
                    OriginCheck = call;
                    break;
                case PolicyCallKind.SetPreflightMaxAge:
                    PreflightMaxAge = call;
                    break;
                case PolicyCallKind.Opaque:
                    origins.Clear();
                    originsKnown = false;
                    Credentials = null;
                    CredentialsKnown = false;
                    OriginPredicate = null;
                    WildcardSubdomains = null;
                    OriginCheck = null;
                    PreflightMaxAge = null;
                    break;
            }
        }

        OriginsKnown = originsKnown;
        Origins = origins.ToImmutableArray();
    }

    /// <summary>The calls of this path, in the order they run.</summary>
    public ImmutableArray<PolicyCall> Calls { get; }

    /// <summary>False when something the model cannot see may have changed the origin list.</summary>
    public bool OriginsKnown { get; }

    /// <summary>The final origin list with the call that added each entry.</summary>
    public ImmutableArray<(OriginValue Origin, PolicyCall Call)> Origins { get; }

    /// <summary>The call that made the final list exactly <c>"*"</c>, when the policy allows any origin.</summary>
    public PolicyCall? AnyOriginCall =>
        OriginsKnown && Origins.Length == 1 && Origins[0].Origin.Value == CorsConstants.AnyOrigin ? Origins[0].Call : null;

    /// <summary>The <c>AllowCredentials()</c> call in force at the end of the path, if any.</summary>
    public PolicyCall? Credentials { get; }

    /// <summary>False when something the model cannot see may have changed the credentials flag.</summary>
    public bool CredentialsKnown { get; }

    public PolicyCall? OriginPredicate { get; }

    public PolicyCall? WildcardSubdomains { get; }

    /// <summary>
    /// The origin check in force at the end of the path: both <c>SetIsOriginAllowed</c> and
    /// <c>SetIsOriginAllowedToAllowWildcardSubdomains</c> replace the policy's check, so the later one wins.
    /// </summary>
    public PolicyCall? OriginCheck { get; }

    public PolicyCall? PreflightMaxAge { get; }

    /// <summary>True when this path only runs in development (an environment check or <c>#if DEBUG</c>).</summary>
    public bool IsDevelopment { get; }

    public static PolicyState Evaluate(ImmutableArray<PolicyCall> calls, bool isDevelopment) => new(calls, isDevelopment);
}
