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

    /// <summary>The ASP.NET Core 8 reference set (<see cref="ReferenceSets.AspNetCore"/>).</summary>
    public static ReferenceAssemblies AspNetCore => ReferenceSets.AspNetCore;

    /// <summary>Only the base class library (<see cref="ReferenceSets.PlainNet"/>).</summary>
    public static ReferenceAssemblies PlainNet => ReferenceSets.PlainNet;

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
