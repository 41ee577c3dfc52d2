using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Builds a <see cref="CorsPipelineModel"/> from a pipeline root body, following the project's own app-builder extension methods.</summary>
internal sealed class PipelineModelBuilder : ExecutionWalker<PipelineCall>
{
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";

    private readonly CorsAppScope _scope;
    private IInvocationOperation? _entry;

    private PipelineModelBuilder(CorsKnownTypes types, CorsAppScope scope, CancellationToken cancellationToken)
        : base(types, cancellationToken)
    {
        _scope = scope;
    }

    /// <summary>
    /// True for bodies that start an app's pipeline: top-level statements, <c>Main</c>, and a <c>Configure</c> method of a
    /// Startup-style class that takes the app builder. The project's helpers are followed from these.
    /// </summary>
    public static bool IsPipelineRoot(ISymbol owner, CorsKnownTypes types)
    {
        if (owner is not IMethodSymbol method)
        {
            return false;
        }

        if (method.Name is WellKnownMemberNames.TopLevelStatementsEntryPointMethodName or "Main")
        {
            return true;
        }

        return method.Name == "Configure" && !method.IsExtensionMethod && method.Parameters.Length > 0
            && CorsKnownTypes.Implements(method.Parameters[0].Type, types.IApplicationBuilder);
    }

    /// <summary>
    /// True for an extension method on the app (<c>this WebApplication app</c>, <c>this IApplicationBuilder app</c>): the
    /// order of the calls inside it holds whoever calls it, so it is a pipeline of its own too, also when no caller is
    /// visible (another project, code the compilation does not have).
    /// </summary>
    public static bool IsPipelineExtension(ISymbol owner, CorsKnownTypes types) =>
        owner is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method
        && CorsKnownTypes.Implements(method.Parameters[0].Type, types.IApplicationBuilder);

    public static CorsPipelineModel Build(IOperation body, CorsKnownTypes types, CorsAppScope scope, CancellationToken cancellationToken) =>
        Build(body, types, scope, isEntryPoint: true, cancellationToken);

    public static CorsPipelineModel Build(IOperation body, CorsKnownTypes types, CorsAppScope scope, bool isEntryPoint, CancellationToken cancellationToken)
    {
        var walker = new PipelineModelBuilder(types, scope, cancellationToken);
        var paths = walker.Walk(body, Start(inDevelopment: false));
        if (walker.TooComplex)
        {
            return new CorsPipelineModel(body, ImmutableArray<ImmutableArray<PipelineCall>>.Empty, isEntryPoint);
        }

        var result = ImmutableArray.CreateBuilder<ImmutableArray<PipelineCall>>(paths.Count);
        foreach (var path in paths)
        {
            result.Add(path.ToImmutableArray());
        }

        return new CorsPipelineModel(body, result.MoveToImmutable(), isEntryPoint);
    }

    protected override List<ExecutionPath<PipelineCall>> OnInvocation(IInvocationOperation invocation, List<ExecutionPath<PipelineCall>> paths)
    {
        var method = invocation.TargetMethod;
        if (!TakesApp(invocation))
        {
            return paths;
        }

        if (Types.IsElsewhere(method))
        {
            if (method.ContainingNamespace?.ToDisplayString() == BuilderNamespace && IsFramework(method.ContainingAssembly))
            {
                return Append(paths, new PipelineCall(Classify(method.Name), invocation, _entry));
            }

            return _scope.MayUseCors(method.ContainingAssembly)
                ? Append(paths, new PipelineCall(MiddlewareKind.Unknown, invocation, _entry))
                : paths;
        }

        if (_entry is not null)
        {
            return TryFollow(invocation, paths) ?? paths;
        }

        return TryFollow(invocation, paths, enter: () => _entry = invocation, exit: () => _entry = null) ?? paths;
    }

    /// <summary>The call is made on the app (or passes it along): an IApplicationBuilder or IEndpointRouteBuilder receiver or argument.</summary>
    private bool TakesApp(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance && IsApp(instance.Type))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsApp(argument.Value.WalkDownConversion().Type))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsApp(ITypeSymbol? type) =>
        CorsKnownTypes.Implements(type, Types.IApplicationBuilder) || CorsKnownTypes.Implements(type, Types.IEndpointRouteBuilder);

    private static bool IsFramework(IAssemblySymbol? assembly) =>
        assembly is not null && assembly.Name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal);

    private static MiddlewareKind Classify(string name) => name switch
    {
        "UseCors" => MiddlewareKind.UseCors,
        "UseRouting" => MiddlewareKind.UseRouting,
        "UseAuthentication" => MiddlewareKind.UseAuthentication,
        "UseAuthorization" => MiddlewareKind.UseAuthorization,
        "UseEndpoints" => MiddlewareKind.UseEndpoints,
        "UseResponseCaching" => MiddlewareKind.UseResponseCaching,
        "UseOutputCache" => MiddlewareKind.UseOutputCache,
        _ => MiddlewareKind.Other,
    };
}

/// <summary>Compilation-wide facts about code the models cannot see into.</summary>
internal sealed class CorsAppScope
{
    private const string CorsAssemblyName = "Microsoft.AspNetCore.Cors";

    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _mayUseCors = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// True when a method of <paramref name="assembly"/> could register or apply CORS: the assembly is not part of the
    /// framework and references the CORS assembly (a library of the app's own solution, for instance).
    /// </summary>
    public bool MayUseCors(IAssemblySymbol? assembly)
    {
        if (assembly is null || assembly.Name.StartsWith("Microsoft.", System.StringComparison.Ordinal) || assembly.Name.StartsWith("System.", System.StringComparison.Ordinal))
        {
            return false;
        }

        return _mayUseCors.GetOrAdd(assembly, static a =>
        {
            foreach (var module in a.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == CorsAssemblyName)
                    {
                        return true;
                    }
                }
            }

            return false;
        });
    }
}
