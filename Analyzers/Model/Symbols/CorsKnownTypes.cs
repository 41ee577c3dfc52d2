using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>
/// The framework symbols the rules match against, looked up once per compilation.
/// Every member may be null except <see cref="CorsPolicyBuilder"/>: without it there is no CORS to analyze.
/// </summary>
internal sealed class CorsKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, CorsKnownTypes?> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, CorsKnownTypes?>.CreateValueCallback Factory = Create;

    private readonly Compilation _compilation;
    private SignalRTypes? _signalR;

    private CorsKnownTypes(Compilation compilation, INamedTypeSymbol corsPolicyBuilder)
    {
        _compilation = compilation;
        CorsPolicyBuilder = corsPolicyBuilder;
        CompilationAssembly = compilation.Assembly;
#pragma warning disable RS0030 // The one place types are looked up by name.
        CorsPolicy = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy");
        CorsOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions");
        CorsMiddlewareExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions");
        CorsEndpointConventionBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions");
        EnableCorsAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.EnableCorsAttribute");
        DisableCorsAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.DisableCorsAttribute");
        IApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        HostEnvironmentEnvExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions");
        HostingEnvironmentExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions");
        IHostEnvironment = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostEnvironment");
        Regex = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex");
        GeneratedRegexAttribute = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.GeneratedRegexAttribute");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        HttpResponse = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
        HttpRequest = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
        IHeaderDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderNames = compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
        StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
        IServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        IEndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        WebApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        IHostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder");
        IWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
        CorsServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions");
        MvcServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
        MvcCorsMvcCoreBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcCorsMvcCoreBuilderExtensions");
        Configuration = new ConfigurationTypes(compilation);
        Authorization = new AuthorizationTypes(compilation);
#pragma warning restore RS0030
    }

    /// <summary>The SignalR server types, looked up the first time a call named <c>MapHub</c> is seen.</summary>
    public SignalRTypes SignalR => _signalR ?? System.Threading.Interlocked.CompareExchange(ref _signalR, new SignalRTypes(_compilation), null) ?? _signalR!;

    /// <summary>The configuration types that origins are read through.</summary>
    public ConfigurationTypes Configuration { get; }

    /// <summary>The authentication and authorization symbols of CORS025.</summary>
    public AuthorizationTypes Authorization { get; }

    public INamedTypeSymbol CorsPolicyBuilder { get; }

    /// <summary>The assembly being compiled: code outside it (a package, or another project of the solution, which the IDE
    /// sees as source and a build as metadata) cannot be followed.</summary>
    public IAssemblySymbol CompilationAssembly { get; }

    public bool IsElsewhere(ISymbol symbol) => !SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, CompilationAssembly);

    public INamedTypeSymbol? CorsPolicy { get; }

    public INamedTypeSymbol? CorsOptions { get; }

    public INamedTypeSymbol? CorsMiddlewareExtensions { get; }

    public INamedTypeSymbol? CorsEndpointConventionBuilderExtensions { get; }

    public INamedTypeSymbol? EnableCorsAttribute { get; }

    public INamedTypeSymbol? DisableCorsAttribute { get; }

    public INamedTypeSymbol? IApplicationBuilder { get; }

    /// <summary>Declares <c>IsDevelopment()</c>/<c>IsEnvironment()</c> for <c>IHostEnvironment</c>.</summary>
    public INamedTypeSymbol? HostEnvironmentEnvExtensions { get; }

    /// <summary>Declares <c>IsDevelopment()</c>/<c>IsEnvironment()</c> for the older <c>IHostingEnvironment</c>.</summary>
    public INamedTypeSymbol? HostingEnvironmentExtensions { get; }

    public INamedTypeSymbol? IHostEnvironment { get; }

    public INamedTypeSymbol? Regex { get; }

    /// <summary>Marks a partial method (or property) whose regex the source generator builds from the attribute's pattern.</summary>
    public INamedTypeSymbol? GeneratedRegexAttribute { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? IServiceCollection { get; }

    public INamedTypeSymbol? HttpResponse { get; }

    public INamedTypeSymbol? HttpRequest { get; }

    public INamedTypeSymbol? IHeaderDictionary { get; }

    /// <summary>Declares the header name fields (<c>HeaderNames.AccessControlAllowOrigin</c>, static readonly, not constants).</summary>
    public INamedTypeSymbol? HeaderNames { get; }

    /// <summary>The type of header values: strings and string arrays convert to it implicitly.</summary>
    public INamedTypeSymbol? StringValues { get; }

    public INamedTypeSymbol? IEndpointRouteBuilder { get; }

    public INamedTypeSymbol? WebApplicationBuilder { get; }

    /// <summary><c>builder.Host</c>, <c>Host.CreateDefaultBuilder(args)</c>: its <c>ConfigureServices</c> adds services.</summary>
    public INamedTypeSymbol? IHostBuilder { get; }

    /// <summary><c>builder.WebHost</c>, <c>WebHost.CreateDefaultBuilder(args)</c>: its <c>ConfigureServices</c> adds services.</summary>
    public INamedTypeSymbol? IWebHostBuilder { get; }

    /// <summary>
    /// The service collection, or a builder that hands it out (<c>WebApplicationBuilder</c>, <c>IHostBuilder</c>,
    /// <c>IWebHostBuilder</c>): code that gets one may register services.
    /// </summary>
    public bool GivesServices(ITypeSymbol? type) =>
        Implements(type, IServiceCollection) || Implements(type, IHostBuilder) || Implements(type, IWebHostBuilder)
        || (WebApplicationBuilder is not null && SymbolEqualityComparer.Default.Equals(type, WebApplicationBuilder));

    /// <summary>The app (<c>IApplicationBuilder</c>, <c>WebApplication</c>, <c>IEndpointRouteBuilder</c>): code that gets it may add middleware or endpoints.</summary>
    public bool GivesApp(ITypeSymbol? type) => Implements(type, IApplicationBuilder) || Implements(type, IEndpointRouteBuilder);

    /// <summary>Declares <c>AddCors</c>.</summary>
    public INamedTypeSymbol? CorsServiceCollectionExtensions { get; }

    /// <summary>Declares <c>AddControllers</c>, <c>AddControllersWithViews</c>, <c>AddMvc</c>: they register CORS services too.</summary>
    public INamedTypeSymbol? MvcServiceCollectionExtensions { get; }

    /// <summary>Declares <c>IMvcCoreBuilder.AddCors()</c>.</summary>
    public INamedTypeSymbol? MvcCorsMvcCoreBuilderExtensions { get; }

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/> or implements it.</summary>
    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, target))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the cached symbols of <paramref name="compilation"/>, or false when it does not reference ASP.NET Core CORS.</summary>
    public static bool TryGet(Compilation compilation, out CorsKnownTypes knownTypes)
    {
        knownTypes = Cache.GetValue(compilation, Factory)!;
        return knownTypes is not null;
    }

    /// <summary>Whether the compilation references ASP.NET Core CORS: plain data, no binding.</summary>
    public static bool ReferencesCors(Compilation compilation)
    {
        // The external reference list is plain data; References and ReferencedAssemblyNames bind the references first.
        foreach (var reference in compilation.ExternalReferences)
        {
            var display = reference.Display;
            if (display is null || display.EndsWith("Microsoft.AspNetCore.Cors.dll", System.StringComparison.OrdinalIgnoreCase)
                || display.IndexOf("Microsoft.AspNetCore.Cors,", System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsCorsPolicyBuilder(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, CorsPolicyBuilder);

    private static CorsKnownTypes? Create(Compilation compilation)
    {
        // Far cheaper than a failed type lookup: a project without ASP.NET Core CORS pays only this loop.
        if (!ReferencesCors(compilation))
        {
            return null;
        }

#pragma warning disable RS0030 // The one place types are looked up by name.
        var builder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
#pragma warning restore RS0030
        return builder is null ? null : new CorsKnownTypes(compilation, builder);
    }
}
