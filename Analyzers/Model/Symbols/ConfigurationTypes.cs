using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>The <c>Microsoft.Extensions.Configuration</c> and options symbols; each may be null.</summary>
internal sealed class ConfigurationTypes
{
    public ConfigurationTypes(Compilation compilation)
    {
#pragma warning disable RS0030 // Looked up once per compilation, from CorsKnownTypes.
        IConfiguration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        IConfigurationSection = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
        IConfigurationRoot = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationRoot");
        ConfigurationBinder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        ConfigurationExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
        ConfigurationKeyNameAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        StringSplitOptions = compilation.GetTypeByMetadataName("System.StringSplitOptions");
#pragma warning restore RS0030
    }

    public INamedTypeSymbol? IConfiguration { get; }

    public INamedTypeSymbol? IConfigurationSection { get; }

    public INamedTypeSymbol? IConfigurationRoot { get; }

    /// <summary>Declares <c>GetValue</c>, <c>Get</c> and <c>Bind</c>.</summary>
    public INamedTypeSymbol? ConfigurationBinder { get; }

    /// <summary>Declares <c>GetRequiredSection</c>.</summary>
    public INamedTypeSymbol? ConfigurationExtensions { get; }

    public INamedTypeSymbol? ConfigurationKeyNameAttribute { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? StringSplitOptions { get; }

    /// <summary>True when the target framework has <c>StringSplitOptions.TrimEntries</c> (.NET 5 and later).</summary>
    public bool HasTrimEntries => StringSplitOptions is { } options && !options.GetMembers("TrimEntries").IsEmpty;

    public bool IsConfiguration(ITypeSymbol? type) => CorsKnownTypes.Implements(type, IConfiguration);

    public bool IsBinder(IMethodSymbol method) =>
        ConfigurationBinder is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, ConfigurationBinder);
}
