namespace CorsAnalyzers;

/// <summary>
/// The keys of the diagnostic properties the code fixes read, one key per meaning. Slots (where a statement goes) travel
/// as an additional location; the properties say how to use it.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>Where at the slot location: <see cref="Before"/> or <see cref="After"/> the statement, or <see cref="FirstInBlock"/> of the block.</summary>
    public const string Placement = "Placement";

    public const string Before = "Before";
    public const string After = "After";
    public const string FirstInBlock = "FirstInBlock";

    /// <summary>CORS010, CORS011: the statement to insert at the slot.</summary>
    public const string Statement = "Statement";

    /// <summary>CORS012: the receiver (<c>app</c>, <c>builder</c>) the moved UseCors calls on at the slot.</summary>
    public const string Receiver = "Receiver";

    /// <summary>CORS013: the existing policy names, best match first, separated by new lines.</summary>
    public const string Candidates = "Candidates";

    /// <summary>CORS013: the policy name that no AddPolicy adds.</summary>
    public const string PolicyName = "PolicyName";

    /// <summary>CORS004: the <see cref="Model.OriginCheckKind"/> of a bypassable comparison.</summary>
    public const string CheckKind = "CheckKind";

    /// <summary>CORS004: the constant the comparison uses (suffix, prefix, substring or pattern).</summary>
    public const string CheckText = "CheckText";

    /// <summary>CORS004: "Host" when the check runs on the parsed host, "Origin" when on the origin string.</summary>
    public const string CheckedValue = "CheckedValue";

    /// <summary>CORS007: the origin the browser sends.</summary>
    public const string BrowserOrigin = "BrowserOrigin";

    /// <summary>CORS007: the origins of a joined list as the browser sends them, separated by spaces.</summary>
    public const string Split = "Split";

    /// <summary>CORS007: "true" when a split joined list holds an http:// origin of a policy with credentials, which CORS006 then reports.</summary>
    public const string RevealsInsecureOrigin = "RevealsInsecureOrigin";

    /// <summary>
    /// CORS007: set on a <c>"*"</c> (value "true") or on an origin with a misplaced wildcard (<see cref="NeverMatches"/>)
    /// that can be removed without changing what the policy allows.
    /// </summary>
    public const string RemoveEntry = "RemoveEntry";

    /// <summary>CORS007: the <see cref="RemoveEntry"/> value for an origin that no browser origin matches.</summary>
    public const string NeverMatches = "NeverMatches";

    /// <summary>CORS007 on a configured list split without trimming: "TrimEntries", or "Trim" where the framework lacks TrimEntries.</summary>
    public const string SplitFix = "SplitFix";

    /// <summary>CORS008: the shared-hosting wildcard origin of the policy (<c>https://*.vercel.app</c>), which the wildcard flag would open to every site there.</summary>
    public const string SharedHostingWildcard = "SharedHostingWildcard";

    /// <summary>CORS021: the C# literals of the listed origins, one per line, when the fix can spell them out.</summary>
    public const string ListedOrigins = "ListedOrigins";

    /// <summary>CORS021: the name of the collection the origins were listed from, in scope at the predicate.</summary>
    public const string OriginList = "OriginList";

    /// <summary>CORS021: "true" when the collection's <c>Contains</c> comes from <c>System.Linq</c>.</summary>
    public const string NeedsLinq = "NeedsLinq";

    /// <summary>CORS023: "true" when both UseCors calls apply the same policy and the second statement can go.</summary>
    public const string SamePolicy = "SamePolicy";

    /// <summary>CORS024: the names of a comma-joined entry, trimmed, empty ones dropped, separated by new lines.</summary>
    public const string Names = "Names";

    /// <summary>CORS029: "true" when AllowCredentials() can be added to the hub's policy without another finding.</summary>
    public const string AddCredentials = "AddCredentials";

    /// <summary>CORS025: the statements to insert after the slot, in order, one per line.</summary>
    public const string Statements = "Statements";
}
