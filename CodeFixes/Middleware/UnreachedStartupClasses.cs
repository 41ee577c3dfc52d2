using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>
/// Startup-style classes (a <c>Configure(IApplicationBuilder)</c> or <c>ConfigureServices(IServiceCollection)</c>) that
/// nothing reaches: the app's entry point builds a <c>WebApplication</c> itself, and nothing names the class (no
/// <c>UseStartup&lt;T&gt;()</c>, <c>typeof(T)</c>, <c>new T(...)</c>, base class or call of its methods), nor loads a
/// Startup by convention (<c>UseStartup(assemblyName)</c>). A migrated app often keeps its old Startup this way; its
/// <c>UseCors</c> and policies never run.
/// </summary>
internal static class UnreachedStartupClasses
{
    public static async Task<List<INamedTypeSymbol>> FindAsync(Project project, Compilation compilation, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var unreached = new List<INamedTypeSymbol>();
        var candidates = StartupClasses(compilation, types, cancellationToken);
        if (candidates.Count == 0 || EntryPointBuildingWebApplication(compilation, types, cancellationToken) is not { } entryPoint
            || LoadsStartupByConvention(compilation, cancellationToken))
        {
            return unreached;
        }

        foreach (var type in candidates)
        {
            // The program's own class (a Main beside its ConfigureServices helper) runs: its calls to itself are no sign of death.
            if (!Encloses(type, entryPoint) && await IsUnreferencedAsync(project.Solution, type, cancellationToken).ConfigureAwait(false))
            {
                unreached.Add(type);
            }
        }

        return unreached;
    }

    /// <summary>True when <paramref name="node"/> lies in the declaration of one of <paramref name="classes"/>.</summary>
    public static bool Contains(List<INamedTypeSymbol> classes, SyntaxNode node) =>
        classes.Any(c => c.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && r.Span.Contains(node.Span)));

    private static List<INamedTypeSymbol> StartupClasses(Compilation compilation, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var classes = new List<INamedTypeSymbol>();
        foreach (var symbol in compilation.GetSymbolsWithName(static n => n is "Configure" or "ConfigureServices", SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IMethodSymbol { IsExtensionMethod: false, Parameters.Length: > 0, ContainingType: { TypeKind: TypeKind.Class, IsStatic: false } type } method
                && CorsKnownTypes.Implements(method.Parameters[0].Type, method.Name == "Configure" ? types.IApplicationBuilder : types.IServiceCollection)
                && !classes.Contains(type, SymbolEqualityComparer.Default))
            {
                classes.Add(type);
            }
        }

        return classes;
    }

    private static bool Encloses(INamedTypeSymbol type, IMethodSymbol entryPoint)
    {
        for (var container = entryPoint.ContainingType; container is not null; container = container.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(container, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entry point when it is top-level statements or a static <c>Main</c> that call <c>WebApplicationBuilder.Build()</c>.</summary>
    private static IMethodSymbol? EntryPointBuildingWebApplication(Compilation compilation, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (types.WebApplicationBuilder is null || compilation.GetEntryPoint(cancellationToken) is not { } entryPoint)
        {
            return null;
        }

        foreach (var reference in entryPoint.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            var body = syntax is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>() : syntax.ChildNodes();
            foreach (var invocation in body.SelectMany(static n => n.DescendantNodes()).OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" }
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                    && CorsCalls.Classify(operation, types) == CorsCallKind.HostBuild)
                {
                    return entryPoint;
                }
            }
        }

        return null;
    }

    /// <summary>A <c>UseStartup</c> call that names no type (an assembly name): it may pick any class by convention.</summary>
    private static bool LoadsStartupByConvention(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.GetText(cancellationToken).ToString().Contains("UseStartup"))
            {
                continue;
            }

            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                };
                if (name?.Identifier.ValueText == "UseStartup" && name is not GenericNameSyntax
                    && !invocation.ArgumentList.Arguments.Any(static a => a.Expression is TypeOfExpressionSyntax or LambdaExpressionSyntax))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Nothing outside the class's own declarations names the class, its constructors or its methods.</summary>
    private static async Task<bool> IsUnreferencedAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var symbols = new List<ISymbol> { type };
        symbols.AddRange(type.GetMembers().Where(static m => m is IMethodSymbol { MethodKind: MethodKind.Constructor } or IMethodSymbol { IsImplicitlyDeclared: false }));
        foreach (var symbol in symbols)
        {
            if (!await SymbolReferences.AllAsync(symbol, solution, location => type.DeclaringSyntaxReferences.Any(d => location.IsIn(d.SyntaxTree, d.Span)), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }
}
