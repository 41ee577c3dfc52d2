using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>Everything the fix changes, worked out before it is offered so that an impossible fix is not offered.</summary>
internal sealed class MiddlewarePlan
{
    private const string PolicyNameBase = "AppCors";

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
    private (Document Document, PolicyFold Fold)? _fold;

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
        if (scan.HasUseCors && ControllerAction(place, types) is null)
        {
            return await ForExistingPolicyAsync(document, place, scan, types, cancellationToken).ConfigureAwait(false);
        }

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
        var policy = MiddlewarePolicyText.From(place, types, policyModel is null ? null : ConfiguredOrigins.FindAt(policyModel, policyPosition, cancellationToken));
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
            useCors = (pipelineDocument, useSlot.Location, useSlot.Placement, useSlot.Statement($"UseCors({argument})"));
        }

        var cleanup = HandWrittenCorsCleanup.Plan(place, cancellationToken);
        var middlewareRegistration = HandWrittenMiddlewareClass.RegistrationToRemove(place, cleanup, scan, out var middleware);
        var deadClass = middlewareRegistration is { } registered && middleware is not null
            ? await HandWrittenMiddlewareClass.DeadClassAsync(project.Solution, middleware, registered.Item2, cancellationToken).ConfigureAwait(false)
            : null;
        return new MiddlewarePlan(document, cleanup, policyName, policy, addCorsBlock, newRegistration, useCors, action, middlewareRegistration, deadClass);
    }

    /// <summary>The action's title.</summary>
    public string Title { get; private set; } = "Use the CORS middleware instead";

    /// <summary>True when the app's CORS middleware already answers and the fix only removes the hand-written headers.</summary>
    public bool UsesExistingPolicy { get; private set; }

    /// <summary>
    /// The app already runs the CORS middleware: a second one would run twice, so the hand-written headers go, and the
    /// policy it applies answers. Only when that policy already allows every safe thing the headers allowed.
    /// </summary>
    private static async Task<MiddlewarePlan?> ForExistingPolicyAsync(Document document, HeaderWriteModel place, ProjectScan scan, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (ExistingPolicyCoverage.Check(place, scan, types, cancellationToken) is not { } coverage)
        {
            return null;
        }

        var cleanup = HandWrittenCorsCleanup.Plan(place, cancellationToken);
        var middlewareRegistration = HandWrittenMiddlewareClass.RegistrationToRemove(place, cleanup, scan, out var middleware);
        if (middleware is not null && scan.MiddlewareRegistrations.Any(r => SymbolEqualityComparer.Default.Equals(r.Middleware, middleware)
            && !ExistingPolicyCoverage.RunsForEveryRequest(r.Statement is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax global ? global.Statement : r.Statement)))
        {
            // Registered in a branch or under a condition: the app's UseCors may not run where the headers did.
            return null;
        }

        var deadClass = middlewareRegistration is { } registered && middleware is not null
            ? await HandWrittenMiddlewareClass.DeadClassAsync(document.Project.Solution, middleware, registered.Item2, cancellationToken).ConfigureAwait(false)
            : null;
        (Document, PolicyFold)? fold = null;
        if (!coverage.Fold.IsEmpty)
        {
            if (coverage.Fold.Lambda is not { } lambda || document.Project.Solution.GetDocument(lambda.SyntaxTree) is not { } policyDocument)
            {
                return null;
            }

            fold = (policyDocument, coverage.Fold);
        }

        var notCarried = coverage.NotCarried.Count == 0 ? string.Empty : $" (not carried over: {string.Join(", ", coverage.NotCarried)})";
        var added = coverage.Fold.IsEmpty ? string.Empty : $", with {coverage.Fold.Label} added";
        return new MiddlewarePlan(document, cleanup, string.Empty, string.Empty, null, null, null, null, middlewareRegistration, deadClass)
        {
            Title = $"Remove the hand-written CORS headers: {coverage.Label} answers{added}{notCarried}",
            UsesExistingPolicy = true,
            _fold = fold,
        };
    }

    public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(_document.Project.Solution);

        // The insertion slots are marked before any edit, so that the removals cannot move them.
        var registrationMark = _newRegistration is { } newRegistration
            ? await RemappedInsertion.MarkAsync(editor, newRegistration.Document.Id, newRegistration.Slot, cancellationToken).ConfigureAwait(false)
            : null;
        var useCorsMark = _useCors is { } newUseCors
            ? await RemappedInsertion.MarkAsync(editor, newUseCors.Document.Id, newUseCors.Slot, cancellationToken).ConfigureAwait(false)
            : null;
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

        if (_fold is { } fold && fold.Fold.Lambda is { } policyLambda)
        {
            var policyEditor = await editor.GetDocumentEditorAsync(fold.Document.Id, cancellationToken).ConfigureAwait(false);
            policyEditor.ReplaceNode(policyLambda, (current, _) => fold.Fold.Apply((LambdaExpressionSyntax)current));
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

        if (_newRegistration is { } registration && registrationMark is not null)
        {
            solution = await RemappedInsertion.InsertAsync(solution, registration.Document.Id, registrationMark, registration.Placement, registration.Code, cancellationToken).ConfigureAwait(false);
        }

        if (_useCors is { } useCors && useCorsMark is not null)
        {
            solution = await RemappedInsertion.InsertAsync(solution, useCors.Document.Id, useCorsMark, useCors.Placement, useCors.Code, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private void RemoveWrites(DocumentEditor editor)
    {
        // An OnStarting callback or an app.Use middleware (its result maybe discarded) that only wrote the headers goes as a whole.
        if (_cleanup.OnlyPassesOn && _cleanup.Body?.Parent is LambdaExpressionSyntax lambda
            && lambda.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Parent: BlockSyntax or GlobalStatementSyntax } owner
            && CallSyntax.StatementCall(owner) is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OnStarting" or "Use" } })
        {
            editor.RemoveNode(owner.Parent is GlobalStatementSyntax global ? global : owner, SyntaxRemoveOptions.KeepNoTrivia);
            return;
        }

        foreach (var statement in _cleanup.Removed)
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
        }
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
}
