namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>Diagnostic properties that tell the code fixes where to insert or move a statement; the slot is an additional location.</summary>
internal static class FixProperties
{
    /// <summary>"Before" or "After" the statement at the slot location, or "FirstInBlock" of the block there.</summary>
    public const string Placement = "Placement";

    /// <summary>The statement to insert (CORS010, CORS011), or the receiver to call UseCors on after a move (CORS012).</summary>
    public const string Code = "Code";

    /// <summary>For CORS013: the existing policy names, best match first, separated by new lines.</summary>
    public const string Candidates = "Candidates";

    public const string Before = "Before";
    public const string After = "After";
    public const string FirstInBlock = "FirstInBlock";
}
