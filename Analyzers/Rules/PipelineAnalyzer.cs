using System.Collections.Concurrent;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules;

/// <summary>
/// The pipeline and registration rules (section B of the catalog). Ordering inside a pipeline is checked per pipeline
/// body, so it shows while typing; what needs the whole app (services, policy names, metadata) is collected as the
/// compilation is analyzed and decided at its end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UseCorsWithoutServices,
        DiagnosticDescriptors.CorsNeverApplied,
        DiagnosticDescriptors.MisplacedUseCors,
        DiagnosticDescriptors.UseCorsBeforeRouting,
        DiagnosticDescriptors.UnknownPolicyName,
        DiagnosticDescriptors.PolicyAddedTwice,
        DiagnosticDescriptors.ConflictingCorsAttributes,
        DiagnosticDescriptors.SecondCorsMiddleware);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (!CorsKnownTypes.TryGet(context.Compilation, out var types))
        {
            return;
        }

        var state = new State(types);
        context.RegisterOperationAction(state.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(state.OnInvalid, OperationKind.Invalid);
        context.RegisterSyntaxNodeAction(state.OnAttribute, SyntaxKind.Attribute);
        context.RegisterOperationBlockAction(state.OnBlock);
        context.RegisterCompilationEndAction(state.OnCompilationEnd);
    }

    private sealed class State
    {
        private readonly CorsKnownTypes _types;
        private readonly RegistrationModel _model = new();
        private readonly CorsAppScope _scope = new();
        private readonly PolicyAddedTwiceRule _policyAddedTwice;
        private readonly ConcurrentDictionary<(string, SyntaxTree?, TextSpan), bool> _reported = new();

        public State(CorsKnownTypes types)
        {
            _types = types;
            _policyAddedTwice = new PolicyAddedTwiceRule(types);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;

            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            switch (method.Name)
            {
                case "AddCors" when Is(type, _types.CorsServiceCollectionExtensions) || Is(type, _types.MvcCorsMvcCoreBuilderExtensions):
                    _model.AddRegistration(invocation, isAddCors: true);
                    FindDefaultPolicyName(invocation);
                    return;
                case "AddControllers" or "AddControllersWithViews" or "AddMvc" when Is(type, _types.MvcServiceCollectionExtensions):
                    _model.AddRegistration(invocation, isAddCors: false);
                    return;
                case "AddPolicy" when Is(type, _types.CorsOptions):
                    var name = invocation.Arguments.Length > 0 ? KnownValue.Of(invocation.Arguments[0].Value, context.CancellationToken) : null;
                    _model.AddPolicy(new AddedPolicy(invocation, name, isDefault: false));
                    if (name is not null)
                    {
                        _policyAddedTwice.Check(invocation, name, context.ReportDiagnostic);
                    }

                    return;
                case "AddDefaultPolicy" when Is(type, _types.CorsOptions):
                    _model.AddPolicy(new AddedPolicy(invocation, null, isDefault: true));
                    _policyAddedTwice.Check(invocation, null, context.ReportDiagnostic);
                    return;
                case "UseCors" when Is(type, _types.CorsMiddlewareExtensions):
                    AddReference(invocation, PolicyReferenceKind.UseCors, PolicyReferenceKind.UseCorsInline, context.CancellationToken);
                    return;
                case "RequireCors" when Is(type, _types.CorsEndpointConventionBuilderExtensions):
                    AddReference(invocation, PolicyReferenceKind.RequireCors, PolicyReferenceKind.RequireCorsInline, context.CancellationToken);
                    return;
                case "Build" when Is(type, _types.WebApplicationBuilder):
                    _model.AddHostBuild(invocation);
                    return;
                case "WithMetadata":
                    AddMetadataReferences(invocation, context.CancellationToken);
                    return;
            }

            if (method.Parameters.Length > 0 && _types.IsElsewhere(method) && _scope.MayUseCors(method.ContainingAssembly))
            {
                // Code of another project or package that gets the services or the app (as the extended receiver or as
                // any argument) may register CORS or call UseCors where the model cannot see.
                foreach (var parameter in method.Parameters)
                {
                    var parameterType = parameter.Type;
                    if (CorsKnownTypes.Implements(parameterType, _types.IServiceCollection) || Is(parameterType, _types.WebApplicationBuilder))
                    {
                        _model.MarkServicesUnknown();
                    }
                    else if (CorsKnownTypes.Implements(parameterType, _types.IApplicationBuilder))
                    {
                        _model.MarkPipelineUnknown();
                    }
                }
            }
        }

        /// <summary>
        /// A registering call that exists but binds with errors (a lambda that uses a type of a project that is not
        /// loaded) may register CORS: the registration rules cannot prove anything about the services.
        /// </summary>
        public void OnInvalid(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is InvocationExpressionSyntax invocation
                && RegistrationCalls.MayRegister(invocation, context.Operation.SemanticModel, _types, context.CancellationToken))
            {
                _model.MarkServicesUnknown();
            }
        }

        /// <summary>[EnableCors]/[DisableCors]: a syntax action, so only attributes are looked at, never every symbol.</summary>
        public void OnAttribute(SyntaxNodeAnalysisContext context)
        {
            var syntax = (AttributeSyntax)context.Node;
            if (!MayBeCorsAttribute(syntax.Name)
                || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: var type })
            {
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

            _model.AddReference(new PolicyReference(isEnable ? PolicyReferenceKind.EnableCors : PolicyReferenceKind.DisableCors, syntax.GetLocation(), name, nameIsConstant: true));

            // CORS015 is decided once per declaration: from its [EnableCors].
            if (isEnable && syntax.Parent?.Parent is MemberDeclarationSyntax declaration
                && context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } symbol)
            {
                ConflictingCorsAttributesRule.Check(symbol, _types, context.ReportDiagnostic);
            }
        }

        /// <summary>
        /// Pipeline order is checked per root body (an operation-block action), so the diagnostics are local to the body
        /// and show while typing.
        /// </summary>
        public void OnBlock(OperationBlockAnalysisContext context)
        {
            var isEntryPoint = PipelineModelBuilder.IsPipelineRoot(context.OwningSymbol, _types);
            if (!isEntryPoint && !PipelineModelBuilder.IsPipelineExtension(context.OwningSymbol, _types))
            {
                return;
            }

            foreach (var block in context.OperationBlocks)
            {
                if (block is not (IMethodBodyOperation or IBlockOperation))
                {
                    continue;
                }

                var pipeline = PipelineModelBuilder.Build(block, _types, _scope, isEntryPoint, context.CancellationToken);
                if (!pipeline.Paths.IsEmpty)
                {
                    _model.AddPipeline(pipeline);
                    MisplacedUseCorsRule.CheckOrder(pipeline, diagnostic => ReportOnce(diagnostic, context.ReportDiagnostic));
                    SecondCorsMiddlewareRule.Check(pipeline, _types, diagnostic => ReportOnce(diagnostic, context.ReportDiagnostic), context.CancellationToken);
                }
            }
        }

        private void FindReferencedEndpoints(Compilation compilation)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (_scope.MayUseCors(assembly))
                {
                    _model.MarkEndpointsUnknown();
                    return;
                }
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            _model.AddConfigureServicesMethods(context.Compilation, _types, context.CancellationToken);
            _model.SortForReporting();
            var isApp = context.Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;
            if (isApp)
            {
                FindReferencedEndpoints(context.Compilation);
                RegistrationRules.CheckServicesRegistered(_model, context.ReportDiagnostic);
                RegistrationRules.CheckApplied(_model, context.ReportDiagnostic);
                RegistrationRules.CheckPolicyNames(_model, context.ReportDiagnostic);
            }

            foreach (var reference in _model.References)
            {
                if (reference.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.RequireCorsInline or PolicyReferenceKind.EnableCors or PolicyReferenceKind.DisableCors)
                {
                    foreach (var pipeline in _model.Pipelines)
                    {
                        MisplacedUseCorsRule.CheckRouting(pipeline, diagnostic => ReportOnce(diagnostic, context.ReportDiagnostic));
                    }

                    break;
                }
            }
        }

        /// <summary><c>endpoint.WithMetadata(new EnableCorsAttribute("x"))</c> attaches CORS metadata like the attribute does.</summary>
        private void AddMetadataReferences(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is not IObjectCreationOperation creation)
                    {
                        continue;
                    }

                    var isEnable = Is(creation.Type, _types.EnableCorsAttribute);
                    if (isEnable || Is(creation.Type, _types.DisableCorsAttribute))
                    {
                        var name = isEnable && creation.Arguments.Length == 1 ? KnownValue.Of(creation.Arguments[0].Value, cancellationToken) : null;
                        var nameIsConstant = !isEnable || creation.Arguments.Length == 0 || name is not null;
                        _model.AddReference(new PolicyReference(isEnable ? PolicyReferenceKind.EnableCors : PolicyReferenceKind.DisableCors, creation.Syntax.GetLocation(), name, nameIsConstant));
                    }
                }
            }
        }

        /// <summary>Looks inside the AddCors lambda for <c>options.DefaultPolicyName = ...</c>.</summary>
        private void FindDefaultPolicyName(IInvocationOperation addCors)
        {
            foreach (var argument in addCors.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultPolicyName" } property }
                        && Is(property.Property.ContainingType, _types.CorsOptions))
                    {
                        _model.MarkDefaultPolicyNamed();
                        return;
                    }
                }
            }
        }

        private void AddReference(IInvocationOperation invocation, PolicyReferenceKind named, PolicyReferenceKind inline, System.Threading.CancellationToken cancellationToken)
        {
            IArgumentOperation? argument = invocation.Arguments.Length > 1 ? invocation.Arguments[1] : null;
            var location = invocation.GetCallLocation();
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                _model.AddReference(new PolicyReference(named, location, null, nameIsConstant: true));
            }
            else if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                var name = KnownValue.Of(argument.Value, cancellationToken);
                _model.AddReference(new PolicyReference(named, location, name, nameIsConstant: name is not null));
            }
            else
            {
                _model.AddReference(new PolicyReference(inline, location, null, nameIsConstant: true));
            }
        }

        private void ReportOnce(Diagnostic diagnostic, System.Action<Diagnostic> report)
        {
            if (_reported.TryAdd((diagnostic.Id, diagnostic.Location.SourceTree, diagnostic.Location.SourceSpan), true))
            {
                report(diagnostic);
            }
        }

        private static bool MayBeCorsAttribute(NameSyntax name)
        {
            var text = name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return text.EndsWith("Cors", System.StringComparison.Ordinal) || text.EndsWith("CorsAttribute", System.StringComparison.Ordinal);
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
