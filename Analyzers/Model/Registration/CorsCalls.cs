using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>What a call means for CORS registration and metadata.</summary>
internal enum CorsCallKind
{
    None,

    /// <summary><c>services.AddCors(...)</c>, or <c>AddCors</c> on an MVC core builder.</summary>
    AddCors,

    /// <summary><c>AddControllers</c>, <c>AddControllersWithViews</c>, <c>AddMvc</c>: they register the CORS services too.</summary>
    AddMvc,

    /// <summary><c>options.AddPolicy(name, ...)</c>.</summary>
    AddPolicy,

    /// <summary><c>options.AddDefaultPolicy(...)</c>.</summary>
    AddDefaultPolicy,

    /// <summary><c>app.UseCors(...)</c>.</summary>
    UseCors,

    /// <summary><c>endpoint.RequireCors(...)</c>.</summary>
    RequireCors,

    /// <summary><c>builder.Build()</c> on a WebApplicationBuilder: minimal hosting stops adding services there.</summary>
    HostBuild,

    /// <summary><c>endpoint.WithMetadata(...)</c>: may attach <c>new EnableCorsAttribute(...)</c>.</summary>
    WithMetadata,

    /// <summary><c>endpoints.MapHub&lt;THub&gt;(pattern)</c>: a SignalR hub endpoint.</summary>
    MapHub,
}

/// <summary>The one classifier of CORS registration calls, shared by the analyzers and the code fixes.</summary>
internal static class CorsCalls
{
    /// <summary>A name test without binding: false means the call cannot be any <see cref="CorsCallKind"/>.</summary>
    public static bool MayBeCorsCall(string name) => name is "AddCors" or "AddControllers" or "AddControllersWithViews" or "AddMvc"
        or "AddPolicy" or "AddDefaultPolicy" or "UseCors" or "RequireCors" or "Build" or "WithMetadata" or "MapHub";

    /// <summary>
    /// The CORS registration, pipeline and metadata calls: one of them that does not bind may be the registration, middleware
    /// or policy a whole-app rule would call missing.
    /// </summary>
    public static bool IsRegistrationPipelineOrMetadataName(string? name) => name is "AddCors" or "AddControllers" or "AddControllersWithViews"
        or "AddMvc" or "AddPolicy" or "AddDefaultPolicy" or "UseCors" or "RequireCors" or "WithMetadata";

    public static CorsCallKind Classify(IMethodSymbol method, CorsKnownTypes types)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "AddCors" when Is(type, types.CorsServiceCollectionExtensions) || Is(type, types.MvcCorsMvcCoreBuilderExtensions) => CorsCallKind.AddCors,
            "AddControllers" or "AddControllersWithViews" or "AddMvc" when Is(type, types.MvcServiceCollectionExtensions) => CorsCallKind.AddMvc,
            "AddPolicy" when Is(type, types.CorsOptions) => CorsCallKind.AddPolicy,
            "AddDefaultPolicy" when Is(type, types.CorsOptions) => CorsCallKind.AddDefaultPolicy,
            "UseCors" when Is(type, types.CorsMiddlewareExtensions) => CorsCallKind.UseCors,
            "RequireCors" when Is(type, types.CorsEndpointConventionBuilderExtensions) => CorsCallKind.RequireCors,
            "Build" when Is(type, types.WebApplicationBuilder) => CorsCallKind.HostBuild,
            "WithMetadata" => CorsCallKind.WithMetadata,
            "MapHub" when Is(type, types.SignalR.HubEndpointRouteBuilderExtensions) => CorsCallKind.MapHub,
            _ => CorsCallKind.None,
        };
    }

    public static CorsCallKind Classify(IInvocationOperation invocation, CorsKnownTypes types) => Classify(invocation.TargetMethod, types);

    /// <summary>The name an <c>AddPolicy</c> call adds, resolved through constants; null when it is only known at run time.</summary>
    public static string? AddedPolicyName(IInvocationOperation addPolicy, CancellationToken cancellationToken) =>
        addPolicy.Arguments.Length > 0 ? KnownValue.Of(addPolicy.Arguments[0].Value, cancellationToken) : null;

    /// <summary>
    /// The policy a <c>UseCors</c> or <c>RequireCors</c> call names: <paramref name="named"/> is false for an inline policy
    /// (a lambda); <paramref name="name"/> is null for none given or one only known at run time (<paramref name="nameIsConstant"/> false).
    /// </summary>
    public static void ReferencedPolicy(IInvocationOperation invocation, CancellationToken cancellationToken, out bool named, out string? name, out bool nameIsConstant)
    {
        IArgumentOperation? argument = invocation.Arguments.Length > 1 ? invocation.Arguments[1] : null;
        named = true;
        name = null;
        nameIsConstant = true;
        if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return;
        }

        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
        {
            name = KnownValue.Of(argument.Value, cancellationToken);
            nameIsConstant = name is not null;
            return;
        }

        named = false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
