using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

internal enum PolicyCallKind
{
    /// <summary>A builder method no rule looks at (AllowAnyHeader, Build, ...).</summary>
    Other,
    AllowAnyOrigin,
    WithOrigins,
    SetIsOriginAllowed,
    SetIsOriginAllowedToAllowWildcardSubdomains,
    AllowCredentials,
    DisallowCredentials,
    SetPreflightMaxAge,
    AllowAnyMethod,
    WithMethods,
    AllowAnyHeader,
    WithHeaders,
    WithExposedHeaders,

    /// <summary>The builder went somewhere the model cannot see (a delegate, a method without source): anything may have changed.</summary>
    Opaque,
}

/// <summary>One origin passed to <c>WithOrigins</c> (or the builder constructor); <see cref="Value"/> is null when it is not a constant.</summary>
internal readonly struct OriginValue
{
    private readonly ImmutableArray<ICoalesceOperation> _fallbackOf;

    public OriginValue(string? value, IOperation? operation)
        : this(value, operation, null, ImmutableArray<ICoalesceOperation>.Empty)
    {
    }

    public OriginValue(string? value, IOperation? operation, ICoalesceOperation? checkedBy, ImmutableArray<ICoalesceOperation> fallbackOf)
    {
        Value = value;
        Operation = operation;
        CheckedBy = checkedBy;
        _fallbackOf = fallbackOf;
    }

    public string? Value { get; }

    /// <summary>The expression that produced the value; null when the value stands for an unknown number of origins.</summary>
    public IOperation? Operation { get; }

    /// <summary>The <c>??</c> whose left operand (the configured value it checks for null) this value is; null otherwise.</summary>
    public ICoalesceOperation? CheckedBy { get; }

    /// <summary>
    /// The <c>??</c> operators whose right operand holds this value, outermost first: it is in the list only when their left
    /// operands are null (<c>configured ?? new[] { "https://app.com" }</c>). Empty for a value that is always in the list.
    /// </summary>
    public ImmutableArray<ICoalesceOperation> FallbackOf => _fallbackOf.IsDefault ? ImmutableArray<ICoalesceOperation>.Empty : _fallbackOf;

    /// <summary>In the list only when a value that a <c>??</c> checks is null.</summary>
    public bool IsFallback => !FallbackOf.IsEmpty;

    /// <summary>
    /// Whether this value can be in the list at the same time as <paramref name="other"/>: not when one is a fallback of a
    /// <c>??</c> and the other the value that <c>??</c> checks.
    /// </summary>
    public bool IsListedWith(OriginValue other) => !(IsInstead(this, other) || IsInstead(other, this));

    private static bool IsInstead(OriginValue fallback, OriginValue other)
    {
        if (other.CheckedBy is not { } coalesce)
        {
            return false;
        }

        foreach (var outer in fallback.FallbackOf)
        {
            if (ReferenceEquals(outer, coalesce))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One call that configures the policy, in the order it runs.</summary>
internal sealed class PolicyCall
{
    public PolicyCall(PolicyCallKind kind, IOperation operation, Location location, ImmutableArray<OriginValue> origins)
    {
        Kind = kind;
        Operation = operation;
        Location = location;
        Origins = origins;
    }

    public PolicyCallKind Kind { get; }

    /// <summary>The invocation (or <c>new CorsPolicyBuilder(...)</c>) that made the call.</summary>
    public IOperation Operation { get; }

    /// <summary>
    /// Where a diagnostic about this call goes: the method name through the closing parenthesis.
    /// For a call made inside one of the project's helper methods, the call site of that helper in the policy.
    /// </summary>
    public Location Location { get; }

    /// <summary>The origins a <see cref="PolicyCallKind.WithOrigins"/> call appends; empty for other kinds.</summary>
    public ImmutableArray<OriginValue> Origins { get; }

    /// <summary>This call as the additional location of a finding on a value it uses, when the value is read outside it (a local, a helper).</summary>
    public Location[]? AsUseOf(Location read) =>
        read.SourceTree == Location.SourceTree && Location.SourceSpan.Contains(read.SourceSpan) ? null : new[] { Location };

    /// <summary>The builder method's name, for messages.</summary>
    public string MethodName => MethodNameOf(Kind);

    /// <summary>How a message names an any-origin call: <c>AllowAnyOrigin()</c>, or the origin "*".</summary>
    public string AnyOriginText => Kind == PolicyCallKind.AllowAnyOrigin ? "AllowAnyOrigin()" : "the origin \"*\"";

    /// <summary>The name of the builder method that takes values of this kind, for messages.</summary>
    public static string MethodNameOf(PolicyCallKind kind) => kind switch
    {
        PolicyCallKind.WithMethods => "WithMethods",
        PolicyCallKind.WithHeaders => "WithHeaders",
        PolicyCallKind.WithExposedHeaders => "WithExposedHeaders",
        _ => "WithOrigins",
    };
}
