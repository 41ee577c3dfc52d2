using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

internal enum ConfiguredShape
{
    /// <summary>One string: <c>configuration["A:B"]</c>, <c>GetValue&lt;string&gt;</c>, <c>section.Value</c>.</summary>
    Value,

    /// <summary>A bound collection: <c>GetSection("A:B").Get&lt;string[]&gt;()</c>, whose entries are the children <c>A:B:0</c>, <c>A:B:1</c>, ...</summary>
    List,
}

/// <summary>How a configured string is split into origins: <c>value.Split(',')</c>.</summary>
internal sealed class ConfiguredSplit
{
    public ConfiguredSplit(IInvocationOperation call, ImmutableArray<string> separators, bool trims, bool removesEmpty)
    {
        Call = call;
        Separators = separators;
        Trims = trims;
        RemovesEmpty = removesEmpty;
    }

    public IInvocationOperation Call { get; }

    /// <summary>The separators; empty when they are not constants.</summary>
    public ImmutableArray<string> Separators { get; }

    /// <summary>True when each entry is trimmed (<c>StringSplitOptions.TrimEntries</c> or a <c>Select(x =&gt; x.Trim())</c> after it), or the options are not known.</summary>
    public bool Trims { get; }

    public bool RemovesEmpty { get; }

    public ConfiguredSplit WithTrim() => new(Call, Separators, trims: true, RemovesEmpty);
}

/// <summary>One place where a value read from <c>IConfiguration</c> reaches a policy builder call.</summary>
internal sealed class ConfigurationRead
{
    public ConfigurationRead(IOperation read, string? key, ConfiguredShape shape, ITypeSymbol? getValueCollection, ConfiguredSplit? split, bool hasFallback, bool valuesTransformed = false)
    {
        ValuesTransformed = valuesTransformed;
        Read = read;
        Key = key;
        Shape = shape;
        GetValueCollection = getValueCollection;
        Split = split;
        HasFallback = hasFallback;
    }

    /// <summary>The expression that reads configuration: the indexer, the <c>GetValue</c>/<c>Get</c> call, the <c>Value</c> or option property.</summary>
    public IOperation Read { get; }

    /// <summary>The full key from the configuration root (<c>Cors:AllowedOrigins</c>); null when the section read is not known.</summary>
    public string? Key { get; }

    public ConfiguredShape Shape { get; }

    /// <summary>The collection type of a <c>GetValue&lt;T&gt;(key)</c> call that never binds an array; null for any other read.</summary>
    public ITypeSymbol? GetValueCollection { get; }

    /// <summary>The split applied to a <see cref="ConfiguredShape.Value"/> read before it reaches the builder, if any.</summary>
    public ConfiguredSplit? Split { get; }

    /// <summary>True when a <c>??</c> fallback stands between the read and the builder call.</summary>
    public bool HasFallback { get; }

    /// <summary>
    /// True when each entry goes through a projection that is not a trim (<c>.Select(o =&gt; o.RemovePostFix("/"))</c>) before
    /// the builder: the configured values are not the origins, so they are not checked as origins.
    /// </summary>
    public bool ValuesTransformed { get; }

    /// <summary>Where the value is read: a method call from its name through the closing parenthesis; an indexer or property read whole.</summary>
    public Location Location => Read is IInvocationOperation ? Read.GetCallLocation() : Read.Syntax.GetLocation();

    /// <summary>The key the host filtering middleware reads: host names, never origins.</summary>
    public bool IsAllowedHosts => string.Equals(Key, CorsConstants.AllowedHostsKey, System.StringComparison.OrdinalIgnoreCase);
}
