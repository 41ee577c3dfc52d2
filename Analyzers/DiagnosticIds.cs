namespace CorsAnalyzers;

/// <summary>The rule identifiers. They never change and are never reused.</summary>
public static class DiagnosticIds
{
    public const string AnyOriginWithCredentials = "CORS001";
    public const string AllOriginsTrustedWithCredentials = "CORS002";
    public const string AnyOrigin = "CORS003";
    public const string BypassableOriginCheck = "CORS004";
    public const string NullOriginTrusted = "CORS005";
    public const string InsecureOriginWithCredentials = "CORS006";
    public const string OriginNeverMatches = "CORS007";
    public const string WildcardSubdomainIgnored = "CORS008";
    public const string PreflightMaxAgeTooLong = "CORS009";
    public const string UseCorsWithoutServices = "CORS010";
    public const string CorsNeverApplied = "CORS011";
    public const string MisplacedUseCors = "CORS012";
    public const string UnknownPolicyName = "CORS013";
    public const string PolicyAddedTwice = "CORS014";
    public const string ConflictingCorsAttributes = "CORS015";
    public const string HandWrittenCorsHeaders = "CORS016";
    public const string RequestOriginReflected = "CORS017";
    public const string WildcardOriginWithCredentialsHeader = "CORS018";
    public const string ConfigurationArrayReadWithGetValue = "CORS019";
    public const string AllowedHostsAsOrigins = "CORS020";
    public const string OriginListIgnored = "CORS021";
    public const string WildcardHeaderListWithCredentials = "CORS022";
    public const string SecondCorsMiddleware = "CORS023";
    public const string CommaJoinedList = "CORS024";
    public const string AuthorizationBeforeCors = "CORS025";
    public const string OriginCheckThrowsOnNull = "CORS026";
    public const string OriginCheckOverridden = "CORS027";
    public const string CredentialsValueNotTrue = "CORS028";
    public const string HubWithoutCredentials = "CORS029";
    public const string AnyOriginFallback = "CORS030";
}
