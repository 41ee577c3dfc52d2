using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules;

/// <summary>
/// One compilation's analysis: a single dispatcher for every rule family. Each callback first makes the cheapest test that
/// can rule the operation out (its kind, then the invoked or created name), builds a model only for CORS code, and hands
/// the model to the rules of <see cref="RuleTable"/>.
/// </summary>
internal sealed class CompilationAnalysis
{
    private static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.SimpleAssignment,
        OperationKind.AnonymousFunction,
        OperationKind.MethodReference,
        OperationKind.ObjectCreation,
        OperationKind.Invalid);

    private readonly CorsKnownTypes _types;
    private readonly RegistrationCollector _registrations;
    private readonly AddedPolicyIndex _addedPolicies;
    private readonly ConcurrentDictionary<IOperation, HeaderWriteModel>? _headerPlaces;
    private readonly ReportedFindings _appFindings = new();
    private readonly Action<OperationAnalysisContext> _onOperation;
    private readonly AppSettingsFiles? _settingsFiles;
    private readonly ConfiguredValueUses? _configuredValues;

    public CompilationAnalysis(CorsKnownTypes types, AnalyzerOptions options)
    {
        _types = types;
        _registrations = new RegistrationCollector(types, new CorsAppScope());
        _addedPolicies = new AddedPolicyIndex(types);
        _headerPlaces = types.HttpResponse is null ? null : new ConcurrentDictionary<IOperation, HeaderWriteModel>();
        _onOperation = OnOperation;
        _settingsFiles = AppSettingsFiles.From(options.AdditionalFiles);
        _configuredValues = _settingsFiles is null ? null : new ConfiguredValueUses();
    }

    /// <summary>
    /// The one registration: an attribute action, a symbol start for namespaces and types, and a compilation end. The
    /// framework types are looked up, and this analysis made, when a callback first needs them (usually the first body of
    /// a type that can hold CORS code), not at compilation start: by then the compiler has bound the references and the
    /// namespaces the body uses, which the first lookup would otherwise do inside this analyzer's time. The compilation end
    /// makes the analysis even when no body did, so the whole-app rules always run.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var options = context.Options;
        var analysis = new Lazy<CompilationAnalysis?>(
            () => CorsKnownTypes.TryGet(compilation, out var types) ? new CompilationAnalysis(types, options) : null);

        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (AttributeKindOf((AttributeSyntax)c.Node) is var kind && kind != AttributeKind.None)
                {
                    analysis.Value?.OnAttribute(c, kind);
                }
            },
            SyntaxKind.Attribute);

        // A policy or a response is often built over several statements, and the diagnostic goes where the mistake is,
        // outside the operation whose callback finds it. The driver treats such a diagnostic as local to the analyzed member
        // (a squiggle while typing) only for an analyzer with an operation-block-start or symbol-start action. The block
        // start is registered from a symbol start, only where a declaration is in a tree that can hold anything a rule
        // reads, so the members of every other type cost no callback at all; it registers the operation action and starts
        // the per-body pipeline check.
        Action<OperationBlockStartAnalysisContext> onBlockStart = c => analysis.Value?.OnBlockStart(c);
        Action<SymbolStartAnalysisContext> onSymbolStart = c =>
        {
            if (DecidesForItsMembers(c.Symbol) && DeclaredWhereRulesRead(c.Symbol, c.CancellationToken))
            {
                c.RegisterOperationBlockStartAction(onBlockStart);
            }
        };
        context.RegisterSymbolStartAction(onSymbolStart, SymbolKind.Namespace);
        context.RegisterSymbolStartAction(onSymbolStart, SymbolKind.NamedType);
        context.RegisterCompilationEndAction(c => analysis.Value?.OnCompilationEnd(c));
    }

    private void OnOperation(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IInvocationOperation invocation:
                OnInvocation(invocation, context);
                break;
            case ISimpleAssignmentOperation assignment:
                _registrations.AddAssignment(assignment);
                OnHeaderWrite(context);
                break;
            case IAnonymousFunctionOperation lambda:
                OnLambda(lambda, context);
                break;
            case IMethodReferenceOperation reference:
                OnMethodReference(reference, context);
                break;
            case IObjectCreationOperation creation:
                OnCreation(creation, context);
                break;
            default:
                _registrations.AddInvalid(context.Operation, context.CancellationToken);
                OnHeaderWrite(context);
                break;
        }
    }

    private void OnInvocation(IInvocationOperation invocation, OperationAnalysisContext context)
    {
        var kind = _registrations.Add(invocation, context.CancellationToken);
        if (kind != CorsCallKind.None)
        {
            var call = new CorsCall(invocation, kind, _addedPolicies);
            var rules = ContextOf(context);
            foreach (var rule in RuleTable.Call)
            {
                rule.Check(call, rules);
            }

            return;
        }

        OnHeaderWrite(context);
    }

    private void OnHeaderWrite(OperationAnalysisContext context)
    {
        if (_headerPlaces is null || HeaderWriteModel.WrittenHeader(context.Operation, _types, out _) is null)
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var place = _headerPlaces.GetOrAdd(HeaderWriteModel.PlaceOf(context.Operation), p => HeaderWriteModel.Build(p, _types, cancellationToken));
        foreach (var write in place.Writes)
        {
            if (ReferenceEquals(write.Operation, context.Operation))
            {
                var rules = ContextOf(context);
                foreach (var rule in RuleTable.Header)
                {
                    rule.Check(write, rules);
                }

                return;
            }
        }
    }

    private void OnLambda(IAnonymousFunctionOperation lambda, OperationAnalysisContext context)
    {
        var parameters = lambda.Symbol.Parameters;
        if (parameters.Length > 0 && _types.IsCorsPolicyBuilder(parameters[0].Type))
        {
            CheckPolicy(PolicyModelBuilder.FromDelegate(_types, lambda, lambda.Symbol, lambda.Body, context.CancellationToken), context);
        }
    }

    private void OnMethodReference(IMethodReferenceOperation reference, OperationAnalysisContext context)
    {
        var method = reference.Method;
        if (method.Parameters.Length > 0 && _types.IsCorsPolicyBuilder(method.Parameters[0].Type) && reference.Parent is IDelegateCreationOperation
            && SourceOperations.GetBody(method, reference, context.CancellationToken) is { } body)
        {
            CheckPolicy(PolicyModelBuilder.FromDelegate(_types, reference, method, body, context.CancellationToken), context);
        }
    }

    private void OnCreation(IObjectCreationOperation creation, OperationAnalysisContext context)
    {
        if (_types.IsCorsPolicyBuilder(creation.Type))
        {
            CheckPolicy(PolicyModelBuilder.FromCreation(_types, creation, context.CancellationToken), context);
        }
        else if (_types.CorsPolicy is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _types.CorsPolicy))
        {
            var rules = ContextOf(context);
            foreach (var rule in RuleTable.PolicyObject)
            {
                rule.Check(creation, rules);
            }
        }
    }

    private void CheckPolicy(CorsPolicyModel? policy, OperationAnalysisContext context)
    {
        if (policy is null || policy.Paths.IsEmpty)
        {
            return;
        }

        var analysis = new PolicyAnalysis(policy, _types, context.CancellationToken);
        var rules = ContextOf(context);
        foreach (var rule in RuleTable.Policy)
        {
            rule.Check(analysis, rules);
        }

        _configuredValues?.Collect(analysis, context.Options, context.Operation.Syntax.SyntaxTree);
    }

    /// <summary>[EnableCors]/[DisableCors]/[Authorize]: a syntax action, so only attributes are looked at, never every symbol.</summary>
    private void OnAttribute(SyntaxNodeAnalysisContext context, AttributeKind kind)
    {
        var syntax = (AttributeSyntax)context.Node;
        var mayBeCors = kind == AttributeKind.MayBeCors;
        var symbol = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol;
        if (symbol is null)
        {
            if (mayBeCors)
            {
                _registrations.AddUnboundAttribute();
            }

            return;
        }

        if (symbol is not IMethodSymbol { ContainingType: var type })
        {
            return;
        }

        if (!mayBeCors)
        {
            if (_types.Authorization.IsAuthorizeAttribute(type))
            {
                _registrations.AddAuthorizeAttribute(syntax);
            }

            return;
        }

        var isEnable = Is(type, _types.EnableCorsAttribute);
        if (!isEnable && !Is(type, _types.DisableCorsAttribute))
        {
            return;
        }

        string? name = null;
        if (isEnable && syntax.ArgumentList is { Arguments.Count: > 0 } arguments)
        {
            name = context.SemanticModel.GetConstantValue(arguments.Arguments[0].Expression, context.CancellationToken).Value as string;
        }

        _registrations.AddAttribute(syntax, isEnable, name);

        // The attribute rules run once per declaration: from its [EnableCors].
        if (isEnable && syntax.Parent?.Parent is MemberDeclarationSyntax declaration
            && context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } declared)
        {
            var rules = new RuleContext(context.Compilation, _types, context.Options, syntax.SyntaxTree, context.ReportDiagnostic, new ReportedFindings(), context.CancellationToken);
            foreach (var rule in RuleTable.Attribute)
            {
                rule.Check(declared, rules);
            }
        }
    }

    /// <summary>
    /// A named namespace decides for the types declared directly in it (their members inherit what its start registers, so
    /// most types cost one check of their container); a nested type, or a type in the global namespace (the top-level
    /// <c>Program</c>), decides for itself. The driver passes nothing from a type to its nested types, so nothing is
    /// registered twice.
    /// </summary>
    private static bool DecidesForItsMembers(ISymbol symbol) => symbol is INamespaceSymbol @namespace
        ? !@namespace.IsGlobalNamespace
        : symbol.ContainingSymbol is not INamespaceSymbol { IsGlobalNamespace: false };

    /// <summary>
    /// Whether one declaration of a namespace or type is in a tree that can hold anything a rule reads (most files of a
    /// project with CORS code hold none). The synthesized <c>Program</c> of top-level statements is declared in the files
    /// that hold them.
    /// </summary>
    private static bool DeclaredWhereRulesRead(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (CorsSourceMarkers.TreeMayMatter(reference.SyntaxTree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The operations of a body are looked at only in a tree that can hold anything a rule reads (a partial type may have
    /// parts in other files); pipeline order is checked per root body, so its diagnostics are local to the body and show
    /// while typing.
    /// </summary>
#pragma warning disable RS1013 // The start action is needed on every member it is registered for, for the diagnostic scope; the end action only on pipeline bodies.
    private void OnBlockStart(OperationBlockStartAnalysisContext context)
#pragma warning restore RS1013
    {
        var blocks = context.OperationBlocks;
        if (blocks.IsEmpty || !CorsSourceMarkers.TreeMayMatter(blocks[0].Syntax.SyntaxTree, context.CancellationToken))
        {
            return;
        }

        context.RegisterOperationAction(_onOperation, OperationKinds);
        var isEntryPoint = PipelineModelBuilder.IsPipelineRoot(context.OwningSymbol, _types);
        if (isEntryPoint || PipelineModelBuilder.IsPipelineExtension(context.OwningSymbol, _types))
        {
            context.RegisterOperationBlockEndAction(c => OnPipelineBody(c, isEntryPoint));
        }
    }

    private void OnPipelineBody(OperationBlockAnalysisContext context, bool isEntryPoint)
    {
        foreach (var block in context.OperationBlocks)
        {
            if (block is not (IMethodBodyOperation or IBlockOperation))
            {
                continue;
            }

            var pipeline = PipelineModelBuilder.Build(block, _types, _registrations.Scope, isEntryPoint, context.CancellationToken);
            if (!pipeline.Paths.IsEmpty)
            {
                _registrations.Model.AddPipeline(pipeline);
                var rules = new RuleContext(context.Compilation, _types, context.Options, block.Syntax.SyntaxTree, context.ReportDiagnostic, _appFindings, context.CancellationToken);
                foreach (var rule in RuleTable.Pipeline)
                {
                    rule.Check(pipeline, rules);
                }
            }
        }
    }

    private void OnCompilationEnd(CompilationAnalysisContext context)
    {
        var model = _registrations.Model;
        model.AddConfigureServicesMethods(context.Compilation, _types, context.CancellationToken);
        model.SortForReporting();
        var rules = new RuleContext(context.Compilation, _types, context.Options, null, context.ReportDiagnostic, _appFindings, context.CancellationToken);
        if (rules.IsApp)
        {
            FindReferencedEndpoints(context.Compilation);
        }

        foreach (var rule in RuleTable.App)
        {
            rule.Check(model, rules);
        }

        CheckSettings(context);
    }

    private void CheckSettings(CompilationAnalysisContext context)
    {
        if (_settingsFiles is null || _configuredValues is not { IsEmpty: false } uses)
        {
            return;
        }

        var rules = new RuleContext(context.Compilation, _types, context.Options, null, context.ReportDiagnostic, new ReportedFindings(), context.CancellationToken);
        foreach (var file in _settingsFiles.Parse(context.CancellationToken))
        {
            foreach (var use in uses.All)
            {
                var entries = file.EntriesOf(use);
                foreach (var entry in entries)
                {
                    var value = new ConfiguredValue(use, entry, entries.Count, file);
                    foreach (var rule in RuleTable.Settings)
                    {
                        rule.Check(value, rules);
                    }
                }
            }
        }
    }

    /// <summary>A referenced assembly of the solution that may use CORS may hold endpoints that name a policy.</summary>
    private void FindReferencedEndpoints(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (_registrations.Scope.MayUseCors(assembly))
            {
                _registrations.Model.MarkEndpointsUnknown();
                return;
            }
        }
    }

    /// <summary>The context of the rules run from one operation callback: findings are dropped when repeated within it.</summary>
    private RuleContext ContextOf(OperationAnalysisContext context) =>
        new(context.Compilation, _types, context.Options, context.Operation.Syntax.SyntaxTree, context.ReportDiagnostic, new ReportedFindings(), context.CancellationToken);

    private enum AttributeKind
    {
        None,
        MayBeCors,
        MayBeAuthorize,
    }

    /// <summary>The name test, before anything is bound or looked up.</summary>
    private static AttributeKind AttributeKindOf(AttributeSyntax syntax)
    {
        var text = AttributeName(syntax.Name);
        return MayBeCorsAttribute(text) ? AttributeKind.MayBeCors
            : MayBeAuthorizeAttribute(text) ? AttributeKind.MayBeAuthorize
            : AttributeKind.None;
    }

    private static string AttributeName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool MayBeCorsAttribute(string text) =>
        text.EndsWith("Cors", StringComparison.Ordinal) || text.EndsWith("CorsAttribute", StringComparison.Ordinal);

    /// <summary>[Authorize] and attributes derived from it named like it (<c>[AdminAuthorize]</c>).</summary>
    private static bool MayBeAuthorizeAttribute(string text) =>
        text.EndsWith("Authorize", StringComparison.Ordinal) || text.EndsWith("AuthorizeAttribute", StringComparison.Ordinal);

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
