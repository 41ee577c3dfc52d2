using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests;

/// <summary>The version of the ASP.NET Core reference packages that restore downloads for the tests.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ReferencePackageVersionAttribute(string version) : Attribute
{
    public string Version { get; } = version;
}

/// <summary>What every analyzer and code-fix test shares: references, usings, formatting and culture.</summary>
public static class CorsTestSetup
{
    /// <summary>The global usings the Web SDK adds to every ASP.NET Core project.</summary>
    public const string WebSdkImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly string PackageVersion =
        typeof(CorsTestSetup).Assembly.GetCustomAttribute<ReferencePackageVersionAttribute>()!.Version;

    /// <summary>net8.0 reference assemblies plus the ASP.NET Core shared framework, the set an ASP.NET Core 8 app compiles against.</summary>
    public static readonly ReferenceAssemblies AspNetCore = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", PackageVersion),
            System.IO.Path.Combine("ref", "net8.0"))
        .AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", PackageVersion)));

    /// <summary>Only the base class library: a project that does not use ASP.NET Core.</summary>
    public static readonly ReferenceAssemblies PlainNet = new ReferenceAssemblies(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", PackageVersion),
        System.IO.Path.Combine("ref", "net8.0"));

    [ModuleInitializer]
    internal static void PinCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>A verifier of one <see cref="RuleFamilyAnalyzer"/> disables the other families' diagnostics.</summary>
    public static void DisableOtherFamilies(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer, System.Collections.Generic.List<string> disabled)
    {
        if (analyzer is RuleFamilyAnalyzer family)
        {
            disabled.AddRange(family.OtherIds);
        }
    }

    public static void Apply(SolutionState state, string? source, bool implicitUsings)
    {
        state.ReferenceAssemblies = AspNetCore;
        state.OutputKind = source is not null && IsApp(source) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        state.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*]
            indent_style = space
            indent_size = 4
            end_of_line = lf
            """));
        if (implicitUsings)
        {
            state.Sources.Add(("/0/GlobalUsings.g.cs", WebSdkImplicitUsings));
        }
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static bool HasTopLevelStatements(string source) =>
        CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.Any(static m => m is GlobalStatementSyntax);

    /// <summary>An app (exe) rather than a class library: top-level statements or a static Main.</summary>
    public static bool IsApp(string source) =>
        HasTopLevelStatements(source)
        || CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Any(static m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
}
