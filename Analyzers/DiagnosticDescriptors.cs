using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

/// <summary>Every descriptor of the package, all built by one factory so help links and tags stay uniform.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>Where the rule pages live; each rule links to <c>docs/rules/{ID}.md</c> under it.</summary>
    public const string HelpLinkBase = "https://github.com/corsanalyzers/CorsAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor AnyOriginWithCredentials = Create(
        DiagnosticIds.AnyOriginWithCredentials,
        "Any origin combined with credentials",
        "This policy allows any origin ({0}) together with AllowCredentials(); building it throws InvalidOperationException, so the app fails to start",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        "The CORS protocol forbids 'Access-Control-Allow-Origin: *' together with credentials. CorsPolicyBuilder.Build() throws for such a policy: at UseCors(Action)/RequireCors(Action), or at app start for AddPolicy/AddDefaultPolicy, even when no endpoint uses the policy. List the trusted origins instead, or drop AllowCredentials().");

    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
    {
#pragma warning disable RS0030 // The one place descriptors are constructed.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: GetHelpLink(id),
            customTags: customTags);
#pragma warning restore RS0030
    }
}
