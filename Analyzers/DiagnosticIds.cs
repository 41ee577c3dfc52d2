namespace CorsAnalyzers;

/// <summary>The rule identifiers. They never change and are never reused.</summary>
public static class DiagnosticIds
{
    public const string AnyOriginWithCredentials = "CORS001";
}
