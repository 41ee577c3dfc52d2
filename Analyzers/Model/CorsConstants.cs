namespace CorsAnalyzers.Model;

internal static class CorsConstants
{
    /// <summary>The origin value the framework treats as "any origin" when it is the only entry.</summary>
    public const string AnyOrigin = "*";

    /// <summary>The host filtering key: host names, never origins.</summary>
    public const string AllowedHostsKey = "AllowedHosts";
}
