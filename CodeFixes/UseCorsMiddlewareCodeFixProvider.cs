using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS016, CORS017, CORS018: replaces hand-written CORS headers with the middleware. Removes the header writes (and an
/// <c>app.Use</c> middleware or OnStarting callback left with nothing else to do), adds an equivalent named policy to
/// <c>AddCors</c>, and applies it with <c>UseCors("...")</c> at the pipeline's CORS slot or with <c>[EnableCors("...")]</c>
/// on a controller action. Echoed or dynamic origins become origins read from configuration; the policy never allows
/// more origins than the hand-written code did.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCorsMiddlewareCodeFixProvider)), Shared]
public sealed class UseCorsMiddlewareCodeFixProvider : CodeFixProvider
{
    public const string UseMiddlewareKey = "CORS016_UseMiddleware";

    private const string PolicyNameBase = "AppCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.HandWrittenCorsHeaders, DiagnosticIds.RequestOriginReflected, DiagnosticIds.WildcardOriginWithCredentialsHeader);

    /// <summary>
    /// No Fix All: each place becomes its own policy and pipeline change; applying several at once would have to merge
    /// policies, which is a decision the code cannot make.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !CorsKnownTypes.TryGet(model.Compilation, out var types))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (model.GetOperation(node, context.CancellationToken) is not { } write || HeaderWriteModel.WrittenHeader(write, types, out _) is null)
            {
                continue;
            }

            var place = HeaderWriteModel.Build(HeaderWriteModel.PlaceOf(write), types, context.CancellationToken);
            var plan = await MiddlewarePlan.CreateAsync(context.Document, place, types, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use the CORS middleware instead", plan.ApplyAsync, UseMiddlewareKey),
                diagnostic);
        }
    }

    /// <summary>Everything the fix changes, worked out before it is offered so that an impossible fix is not offered.</summary>
    private sealed class MiddlewarePlan
    {
        private readonly Document _document;
        private readonly HandWrittenCorsCleanup _cleanup;
        private readonly string _policyName;
        private readonly string _policy;
        private readonly (Document Document, SyntaxNode Node, string Parameter)? _addCorsBlock;
        private readonly (Document Document, Location Slot, string Placement, string Code)? _newRegistration;
        private readonly (Document Document, Location Slot, string Placement, string Code)? _useCors;
        private readonly MethodDeclarationSyntax? _action;
        private readonly (Document Document, SyntaxNode Statement)? _middlewareRegistration;
        private readonly ClassDeclarationSyntax? _deadMiddlewareClass;

        private MiddlewarePlan(
            Document document,
            HandWrittenCorsCleanup cleanup,
            string policyName,
            string policy,
            (Document, SyntaxNode, string)? addCorsBlock,
            (Document, Location, string, string)? newRegistration,
            (Document, Location, string, string)? useCors,
            MethodDeclarationSyntax? action,
            (Document, SyntaxNode)? middlewareRegistration,
            ClassDeclarationSyntax? deadMiddlewareClass)
        {
            _deadMiddlewareClass = deadMiddlewareClass;
            _middlewareRegistration = middlewareRegistration;
            _document = document;
            _cleanup = cleanup;
            _policyName = policyName;
            _policy = policy;
            _addCorsBlock = addCorsBlock;
            _newRegistration = newRegistration;
            _useCors = useCors;
            _action = action;
        }

        public static async Task<MiddlewarePlan?> CreateAsync(Document document, HeaderWriteModel place, CorsKnownTypes types, CancellationToken cancellationToken)
        {
            if (place.Writes.Any(w => w.Operation.Parent is not IExpressionStatementOperation))
            {
                return null;
            }

            var project = document.Project;
            var scan = await ProjectScan.CreateAsync(project, types, cancellationToken).ConfigureAwait(false);
            var policyName = FreshName.Pick(PolicyNameBase, scan.PolicyNames.Contains);

            // Where the policy goes, and the configuration in scope there for dynamic origins.
            (Document, SyntaxNode, string)? addCorsBlock = null;
            (Document, Location, string, string)? newRegistration = null;
            Document policyDocument;
            int policyPosition;
            if (scan.AddCorsBlock is { } block)
            {
                addCorsBlock = block;
                policyDocument = block.Document;
                policyPosition = block.Node.Span.End - 1;
            }
            else if (scan.Registrations is { } registrations && PipelineSlots.ForAddCors(registrations) is { } slot && project.GetDocument(slot.Slot.Location.SourceTree) is { } registrationDocument)
            {
                // slot.Code is "builder.Services.AddCors();" or "services.AddCors();": keep what comes before AddCors.
                newRegistration = (registrationDocument, slot.Slot.Location, slot.Slot.Placement, slot.Code.Substring(0, slot.Code.Length - "AddCors();".Length));
                policyDocument = registrationDocument;
                policyPosition = slot.Slot.Location.SourceSpan.Start;
            }
            else
            {
                return null;
            }

            var policyModel = await policyDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var policy = PolicyText(place, types, policyModel is null ? null : ConfiguredOrigins.FindAt(policyModel, policyPosition, cancellationToken));
            if (policy is null)
            {
                return null;
            }

            if (newRegistration is { } registration)
            {
                newRegistration = (registration.Item1, registration.Item2, registration.Item3, $"{registration.Item4}AddCors(options => options.AddPolicy(\"{policyName}\", {policy}));");
            }

            // How the policy is applied: [EnableCors] on a controller action, or UseCors at the pipeline's slot.
            var action = ControllerAction(place, types);
            (Document, Location, string, string)? useCors = null;
            if (action is null || !scan.HasUseCors)
            {
                if (scan.UseCorsSlot is not { } useSlot || project.GetDocument(useSlot.Location.SourceTree) is not { } pipelineDocument)
                {
                    return null;
                }

                if (action is null && scan.HasUseCors)
                {
                    // A second CORS middleware would run twice; the hand-written headers stay a finding for a person.
                    return null;
                }

                var argument = action is null ? $"\"{policyName}\"" : string.Empty;
                useCors = (pipelineDocument, useSlot.Location, useSlot.Placement, $"{useSlot.Receiver}.UseCors({argument});");
            }

            var cleanup = HandWrittenCorsCleanup.Plan(place, cancellationToken);
            var middlewareRegistration = MiddlewareToRemove(place, cleanup, scan, out var middleware);
            var deadClass = middlewareRegistration is { } registered && middleware is not null
                ? await DeadMiddlewareClassAsync(project.Solution, middleware, registered.Item2, cancellationToken).ConfigureAwait(false)
                : null;
            return new MiddlewarePlan(document, cleanup, policyName, policy, addCorsBlock, newRegistration, useCors, action, middlewareRegistration, deadClass);
        }

        public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
        {
            var editor = new SolutionEditor(_document.Project.Solution);
            var documentEditor = await editor.GetDocumentEditorAsync(_document.Id, cancellationToken).ConfigureAwait(false);
            if (_deadMiddlewareClass is not null)
            {
                // Nothing else uses the class once its registration goes: it leaves with its headers.
                documentEditor.RemoveNode(_deadMiddlewareClass, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else
            {
                RemoveWrites(documentEditor);
            }
            if (_middlewareRegistration is { } middleware)
            {
                var registrationEditor = await editor.GetDocumentEditorAsync(middleware.Document.Id, cancellationToken).ConfigureAwait(false);
                registrationEditor.RemoveNode(middleware.Statement, SyntaxRemoveOptions.KeepNoTrivia);
            }

            if (_action is not null)
            {
                var attribute = SyntaxFactory.ParseAttributeArgumentList($"(\"{_policyName}\")");
                var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("EnableCors"), attribute)))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                documentEditor.ReplaceNode(_action, (current, _) => ((MethodDeclarationSyntax)current).AddAttributeLists(list));
            }

            if (_addCorsBlock is { } block)
            {
                var blockEditor = await editor.GetDocumentEditorAsync(block.Document.Id, cancellationToken).ConfigureAwait(false);
                var statement = SyntaxFactory.ParseStatement($"{block.Parameter}.AddPolicy(\"{_policyName}\", {_policy});").WithAdditionalAnnotations(Formatter.Annotation);
                blockEditor.ReplaceNode(block.Node, (current, _) => ((BlockSyntax)current).AddStatements(statement));
            }

            var solution = editor.GetChangedSolution();
            if (_action is not null && await solution.GetDocument(_document.Id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } withAttribute)
            {
                solution = solution.WithDocumentSyntaxRoot(_document.Id, Imports.AddUsing(withAttribute, "Microsoft.AspNetCore.Cors"));
            }

            if (_newRegistration is { } registration)
            {
                solution = await InsertAsync(solution, registration.Document.Id, registration.Slot, registration.Placement, registration.Code, cancellationToken).ConfigureAwait(false);
            }

            if (_useCors is { } useCors)
            {
                solution = await InsertAsync(solution, useCors.Document.Id, useCors.Slot, useCors.Placement, useCors.Code, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        /// <summary>Inserts into the current version of a document, whose earlier edits may have moved the slot.</summary>
        private static async Task<Solution> InsertAsync(Solution solution, DocumentId documentId, Location slot, string placement, string code, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(documentId)!;
            var original = slot.SourceTree!;
            var current = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var span = slot.SourceSpan;
            if (current is not null && current != original)
            {
                // Map the slot through the text changes made to this document so far.
                foreach (var change in current.GetChanges(original).OrderBy(c => c.Span.Start))
                {
                    if (change.Span.End <= slot.SourceSpan.Start)
                    {
                        span = new Microsoft.CodeAnalysis.Text.TextSpan(span.Start + change.NewText!.Length - change.Span.Length, span.Length);
                    }
                }
            }

            var location = Location.Create(current ?? original, span);
            var mapped = solution.WithDocumentSyntaxRoot(documentId, (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
            return await StatementInsertion.InsertAsync(mapped, location, placement, code, cancellationToken).ConfigureAwait(false);
        }

        private void RemoveWrites(DocumentEditor editor)
        {
            // An OnStarting callback or an app.Use middleware that only wrote the headers goes as a whole.
            if (_cleanup.OnlyPassesOn && _cleanup.Body?.Parent is LambdaExpressionSyntax lambda
                && lambda.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OnStarting" or "Use" } } } owner
                && owner.Parent is BlockSyntax or GlobalStatementSyntax)
            {
                editor.RemoveNode(owner.Parent is GlobalStatementSyntax global ? global : owner, SyntaxRemoveOptions.KeepNoTrivia);
                return;
            }

            foreach (var statement in _cleanup.Removed)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
        }

        /// <summary>
        /// The <c>UseMiddleware&lt;T&gt;()</c> statement of a middleware class whose Invoke/InvokeAsync does nothing but
        /// the header writes and calling the next middleware.
        /// </summary>
        private static (Document, SyntaxNode)? MiddlewareToRemove(HeaderWriteModel place, HandWrittenCorsCleanup cleanup, ProjectScan scan, out INamedTypeSymbol? middleware)
        {
            middleware = null;
            if (place.Place is not IMethodBodyOperation { Syntax: MethodDeclarationSyntax { Identifier.ValueText: "Invoke" or "InvokeAsync" } method }
                || place.Place.SemanticModel?.GetDeclaredSymbol(method)?.ContainingType is not { } type
                || !cleanup.OnlyPassesOn)
            {
                return null;
            }

            middleware = type;
            var registrations = scan.MiddlewareRegistrations.Where(r => SymbolEqualityComparer.Default.Equals(r.Middleware, type)).ToList();
            return registrations.Count == 1 ? (registrations[0].Document, registrations[0].Statement) : null;
        }

        /// <summary>The middleware class, when its one registration is all that refers to it and it is declared once, in the document of its writes.</summary>
        private static async Task<ClassDeclarationSyntax?> DeadMiddlewareClassAsync(Solution solution, INamedTypeSymbol middleware, SyntaxNode registration, CancellationToken cancellationToken)
        {
            if (middleware.DeclaringSyntaxReferences.Length != 1
                || await middleware.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration)
            {
                return null;
            }

            var references = await SymbolFinder.FindReferencesAsync(middleware, solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                if (location.Location.SourceTree != registration.SyntaxTree || !registration.Span.Contains(location.Location.SourceSpan))
                {
                    return null;
                }
            }

            return declaration;
        }

        private static MethodDeclarationSyntax? ControllerAction(HeaderWriteModel place, CorsKnownTypes types)
        {
            if (place.Place.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
                || place.Place is not IMethodBodyOperation
                || place.Place.SemanticModel?.GetDeclaredSymbol(method) is not IMethodSymbol symbol)
            {
                return null;
            }

            for (var type = symbol.ContainingType; type is not null; type = type.BaseType)
            {
                if (type.Name == "ControllerBase" && type.ContainingNamespace.ToDisplayString() == "Microsoft.AspNetCore.Mvc")
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>The policy lambda equivalent to the written headers; null when an origin cannot be expressed safely.</summary>
        private static string? PolicyText(HeaderWriteModel place, CorsKnownTypes types, ExpressionSyntax? configuredOrigins)
        {
            var text = new StringBuilder("policy => policy");
            var credentials = place.SendsCredentials;
            var origins = place.Writes.Where(w => w.Is(HeaderWriteModel.AllowOrigin)).ToList();
            var constantOrigins = origins.Where(o => o.ConstantValue is not null && o.ConstantValue.Trim() != "*").Select(o => o.ConstantValue!.Trim()).Distinct().ToList();
            var anyOrigin = origins.Any(o => o.ConstantValue?.Trim() == "*");
            var dynamic = origins.Any(o => o.ConstantValue is null);
            if (origins.Count == 0)
            {
                return null;
            }

            if (dynamic || (anyOrigin && credentials))
            {
                if (configuredOrigins is null)
                {
                    return null;
                }

                text.Append(".WithOrigins(").Append(configuredOrigins.ToString()).Append(')');
            }
            else if (anyOrigin)
            {
                text.Append(".AllowAnyOrigin()");
                credentials = false;
            }
            else
            {
                text.Append(".WithOrigins(").Append(string.Join(", ", constantOrigins.Select(Literal))).Append(')');
            }

            AppendList(text, place, types, HeaderWriteModel.AllowMethods, HeaderWriteModel.RequestMethod, "AllowAnyMethod", "WithMethods");
            AppendList(text, place, types, HeaderWriteModel.AllowHeaders, HeaderWriteModel.RequestHeaders, "AllowAnyHeader", "WithHeaders");
            AppendList(text, place, types, HeaderWriteModel.ExposeHeaders, null, null, "WithExposedHeaders");
            if (credentials)
            {
                text.Append(".AllowCredentials()");
            }

            if (place.Writes.FirstOrDefault(w => w.Is(HeaderWriteModel.MaxAge))?.ConstantValue is { } maxAge
                && int.TryParse(maxAge.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                text.Append(".SetPreflightMaxAge(System.TimeSpan.FromSeconds(").Append(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("))");
            }

            return text.ToString();
        }

        private static void AppendList(StringBuilder text, HeaderWriteModel place, CorsKnownTypes types, string header, string? preflightRequest, string? any, string list)
        {
            // A value read from the preflight's Access-Control-Request-* header echoes what is asked: the middleware's Any.
            if (any is not null && preflightRequest is not null
                && place.Writes.Any(w => w.Is(header) && w.ConstantValue is null && w.Value is { } value && HeaderWriteModel.ReadsRequestHeader(value, preflightRequest, types)))
            {
                text.Append('.').Append(any).Append("()");
                return;
            }

            var values = place.Writes.Where(w => w.Is(header) && w.ConstantValue is not null)
                .SelectMany(w => w.ConstantValue!.Split(','))
                .Select(v => v.Trim())
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (values.Count == 0)
            {
                return;
            }

            if (values.Contains("*") && any is not null)
            {
                text.Append('.').Append(any).Append("()");
                return;
            }

            text.Append('.').Append(list).Append('(').Append(string.Join(", ", values.Where(v => v != "*").Select(Literal))).Append(')');
        }

        private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }

    /// <summary>What the rest of the project already has: policies, an AddCors lambda, the registration and UseCors slots.</summary>
    private sealed class ProjectScan
    {
        public HashSet<string> PolicyNames { get; } = new(StringComparer.Ordinal);

        public (Document Document, SyntaxNode Node, string Parameter)? AddCorsBlock { get; private set; }

        public RegistrationModel? Registrations { get; private set; }

        public Slot? UseCorsSlot { get; private set; }

        public bool HasUseCors { get; private set; }

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
                    if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
                    {
                        continue;
                    }

                    scan.Record(document, operation, projectTypes, registrations);
                }

                foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(member, cancellationToken) is IMethodSymbol method
                        && scan.UseCorsSlot is null
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

        private void Record(Document document, IInvocationOperation invocation, CorsKnownTypes types, RegistrationModel registrations)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "AddPolicy" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.CorsOptions)
                && invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.GetConstantString() is { } name)
            {
                PolicyNames.Add(name);
            }
            else if (method.Name == "UseCors" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.CorsMiddlewareExtensions))
            {
                HasUseCors = true;
            }
            else if (method.Name == "UseMiddleware" && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol middleware
                && invocation.Syntax.Parent is ExpressionStatementSyntax statement)
            {
                MiddlewareRegistrations.Add((document, middleware, statement.Parent is GlobalStatementSyntax global ? global : statement));
            }
            else if (method.Name == "Build" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.WebApplicationBuilder))
            {
                registrations.AddHostBuild(invocation);
            }
            else if (method.Name == "AddCors" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.CorsServiceCollectionExtensions)
                && AddCorsBlock is null
                && invocation.Arguments.Length > 1
                && invocation.Arguments[1].Value.WalkDownConversion() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                && lambda.Syntax is LambdaExpressionSyntax { Block: { } block }
                && lambda.Symbol.Parameters.Length == 1)
            {
                AddCorsBlock = (document, block, lambda.Symbol.Parameters[0].Name);
            }
        }
    }
}
