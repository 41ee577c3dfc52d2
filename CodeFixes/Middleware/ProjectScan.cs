using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>What the rest of the project already has: policies, an AddCors lambda, the registration and UseCors slots.</summary>
internal sealed class ProjectScan
{
    public HashSet<string> PolicyNames { get; } = new(StringComparer.Ordinal);

    public (Document Document, SyntaxNode Node, string Parameter)? AddCorsBlock { get; private set; }

    public RegistrationModel? Registrations { get; private set; }

    public Slot? UseCorsSlot { get; private set; }

    public bool HasUseCors { get; private set; }

    /// <summary>Every <c>UseCors(...)</c> call of the project.</summary>
    public List<IInvocationOperation> UseCorsCalls { get; } = new();

    /// <summary>Every <c>AddPolicy</c> (with its name when constant) and <c>AddDefaultPolicy</c> (a null name) call.</summary>
    public List<(string? Name, IInvocationOperation Call)> AddedPolicies { get; } = new();

    /// <summary>Every <c>AddCors(...)</c> call of the project.</summary>
    public List<(Document Document, IInvocationOperation Call)> AddCorsCalls { get; } = new();

    /// <summary><c>app.UseMiddleware&lt;T&gt;()</c> statements, by middleware class.</summary>
    public List<(Document Document, INamedTypeSymbol Middleware, SyntaxNode Statement)> MiddlewareRegistrations { get; } = new();

    public static async Task<ProjectScan> CreateAsync(Project project, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var scan = new ProjectScan();
        var registrations = new RegistrationModel();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || !CorsKnownTypes.TryGet(compilation, out var projectTypes))
        {
            return scan;
        }

        // A Startup class the app never reaches holds no live UseCors, policy or registration.
        var unreached = await UnreachedStartupClasses.FindAsync(project, compilation, projectTypes, cancellationToken).ConfigureAwait(false);
        foreach (var document in project.Documents)
        {
            // Only documents that can hold CORS registration or a pipeline are bound.
            var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            if (!(text.Contains("Cors") || text.Contains(".Build(") || text.Contains("Configure") || text.Contains("app.")))
            {
                continue;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null)
            {
                continue;
            }

            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                    || (unreached.Count > 0 && UnreachedStartupClasses.Contains(unreached, invocation)))
                {
                    continue;
                }

                scan.Record(document, operation, projectTypes, registrations, cancellationToken);
            }

            foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(member, cancellationToken) is IMethodSymbol method
                    && scan.UseCorsSlot is null
                    && !unreached.Contains(method.ContainingType, SymbolEqualityComparer.Default)
                    && PipelineModelBuilder.IsPipelineRoot(method, projectTypes)
                    && model.GetOperation(member, cancellationToken) is { } body)
                {
                    scan.TakePipeline(PipelineModelBuilder.Build(body, projectTypes, new CorsAppScope(), cancellationToken));
                }

                if (member is GlobalStatementSyntax && scan.UseCorsSlot is null && root is CompilationUnitSyntax unit
                    && model.GetOperation(unit, cancellationToken) is { } topLevel)
                {
                    scan.TakePipeline(PipelineModelBuilder.Build(topLevel, projectTypes, new CorsAppScope(), cancellationToken));
                }
            }
        }

        registrations.AddConfigureServicesMethods(compilation, projectTypes, cancellationToken);

        scan.Registrations = registrations;
        return scan;
    }

    private void TakePipeline(CorsPipelineModel pipeline)
    {
        if (!pipeline.Paths.IsEmpty)
        {
            UseCorsSlot = PipelineSlots.ForUseCors(pipeline.Paths[0]);
        }
    }

    private void Record(Document document, IInvocationOperation invocation, CorsKnownTypes types, RegistrationModel registrations, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        switch (CorsCalls.Classify(invocation, types))
        {
            case CorsCallKind.AddPolicy when CorsCalls.AddedPolicyName(invocation, cancellationToken) is { } name:
                PolicyNames.Add(name);
                AddedPolicies.Add((name, invocation));
                break;
            case CorsCallKind.AddPolicy:
                // A name known only at run time: no UseCors name can be matched to it.
                AddedPolicies.Add(("\0", invocation));
                break;
            case CorsCallKind.AddDefaultPolicy:
                AddedPolicies.Add((null, invocation));
                break;
            case CorsCallKind.UseCors:
                HasUseCors = true;
                UseCorsCalls.Add(invocation);
                break;
            case CorsCallKind.HostBuild:
                registrations.AddHostBuild(invocation);
                break;
            case CorsCallKind.AddCors:
                AddCorsCalls.Add((document, invocation));
                if (AddCorsBlock is null
                    && invocation.Arguments.Length > 1
                    && invocation.Arguments[1].Value.WalkDownConversion() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && lambda.Syntax is LambdaExpressionSyntax { Block: { } block }
                    && lambda.Symbol.Parameters.Length == 1)
                {
                    AddCorsBlock = (document, block, lambda.Symbol.Parameters[0].Name);
                }

                break;
            case CorsCallKind.None when method.Name == "UseMiddleware" && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol middleware
                && invocation.Syntax is InvocationExpressionSyntax call && CallSyntax.Statement(call) is { } statement:
                MiddlewareRegistrations.Add((document, middleware, statement.Parent is GlobalStatementSyntax global ? global : statement));
                break;
        }
    }
}
