using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Middleware;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// Adds a policy under a name the app applies but never adds, to the app's one <c>AddCors</c> call, allowing exactly the
/// origins listed in configuration: <c>AddCors()</c> gains an options lambda, a block lambda a statement, an expression
/// lambda becomes a block.
/// </summary>
internal sealed class MissingPolicyInsertion
{
    private static readonly SyntaxAnnotation OriginsAnnotation = new("CorsAnalyzers.MissingPolicy.Origins");

    private readonly Document _document;
    private readonly InvocationExpressionSyntax _addCors;
    private readonly string _policyName;

    private MissingPolicyInsertion(Document document, InvocationExpressionSyntax addCors, string policyName)
    {
        _document = document;
        _addCors = addCors;
        _policyName = policyName;
    }

    /// <summary>
    /// The insertion into the project's one <c>AddCors</c>, or null when there are several, the call has another shape,
    /// or no configuration can be read there.
    /// </summary>
    public static async Task<MissingPolicyInsertion?> FindAsync(Project project, string policyName, CancellationToken cancellationToken)
    {
        if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation
            || !CorsKnownTypes.TryGet(compilation, out var types)
            || await ProjectScan.CreateAsync(project, types, cancellationToken).ConfigureAwait(false) is not { AddCorsCalls.Count: 1 } scan
            || scan.PolicyNames.Contains(policyName)
            || scan.AddCorsCalls[0].Call.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCors" } } addCors
            || scan.AddCorsCalls[0].Call.SemanticModel is not { } model
            || !HasExtensibleShape(addCors)
            || ConfiguredOrigins.Find(model, addCors, cancellationToken) is null)
        {
            return null;
        }

        return new MissingPolicyInsertion(scan.AddCorsCalls[0].Document, addCors, policyName);
    }

    public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
    {
        var root = await _document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await _document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return _document.Project.Solution;
        }

        var withPolicy = root.ReplaceNode(_addCors, WithPolicy(model, _addCors));
        var document = _document.WithSyntaxRoot(withPolicy);

        // The origins are read where the policy now stands: the configuration in scope there decides how.
        var newRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (newRoot?.GetAnnotatedNodes(OriginsAnnotation).FirstOrDefault() is not InvocationExpressionSyntax withOrigins
            || newModel is null
            || ConfiguredOrigins.Find(newModel, withOrigins, cancellationToken) is not { } origins)
        {
            return _document.Project.Solution;
        }

        return document.WithSyntaxRoot(origins.ReplaceArguments(newRoot, withOrigins)).Project.Solution;
    }

    private static bool HasExtensibleShape(InvocationExpressionSyntax addCors) =>
        addCors.ArgumentList.Arguments.Count == 0
        || (addCors.ArgumentList.Arguments.Count == 1
            && addCors.ArgumentList.Arguments[0] is { NameColon: null, Expression: SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } }
            && addCors.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax configure
            && (configure.Block is not null || configure.Modifiers.Count == 0));

    private InvocationExpressionSyntax WithPolicy(SemanticModel model, InvocationExpressionSyntax addCors)
    {
        if (addCors.ArgumentList.Arguments.Count == 0)
        {
            var options = FreshName.InScope(model, addCors, "options");
            var configureOptions = SyntaxFactory.ParseExpression($"{options} => {AddPolicy(model, addCors, options)}");
            return addCors.WithArgumentList(addCors.ArgumentList.AddArguments(SyntaxFactory.Argument(Annotate(configureOptions))));
        }

        var configure = (LambdaExpressionSyntax)addCors.ArgumentList.Arguments[0].Expression;
        var parameter = configure switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => throw new InvalidOperationException(),
        };
        var addPolicy = $"{AddPolicy(model, configure, parameter)};";
        if (configure.Block is { } body)
        {
            var block = body.AddStatements(Annotate(SyntaxFactory.ParseStatement(addPolicy)));
            return addCors.ReplaceNode(body, block.WithAdditionalAnnotations(Formatter.Annotation));
        }

        // An expression lambda becomes a block of two statements, laid out as the line that holds the call.
        var newLine = StatementInsertion.EndOfLine(addCors.SyntaxTree.GetRoot()).ToFullString();
        var indentation = Indentation(addCors);
        var inner = indentation + "    ";
        var blockLambda = SyntaxFactory.ParseExpression(
            $"{ParameterText(configure)} =>{newLine}{indentation}{{{newLine}{inner}{configure.ExpressionBody!.WithoutTrivia().ToFullString()};{newLine}{inner}{addPolicy}{newLine}{indentation}}}");
        return addCors.ReplaceNode(configure, Annotate(blockLambda).WithoutAnnotations(Formatter.Annotation).WithTriviaFrom(configure));
    }

    private static string ParameterText(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.WithoutTrivia().ToFullString(),
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.WithoutTrivia().ToFullString(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The whitespace that starts the line of <paramref name="node"/>.</summary>
    private static string Indentation(SyntaxNode node)
    {
        var line = node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart);
        var text = line.ToString();
        return text.Substring(0, text.Length - text.TrimStart().Length);
    }

    private string AddPolicy(SemanticModel model, SyntaxNode scope, string options)
    {
        var policy = FreshName.InScope(model, scope, "policy");
        return $"{options}.AddPolicy({SyntaxFactory.Literal(_policyName).ToFullString()}, {policy} => {policy}.WithOrigins().AllowAnyHeader().AllowAnyMethod())";
    }

    /// <summary>Formats the new code and marks its <c>WithOrigins()</c>, which the configured origins fill.</summary>
    private static T Annotate<T>(T node)
        where T : SyntaxNode
    {
        var withOrigins = node.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Last(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithOrigins" });
        return node.ReplaceNode(withOrigins, withOrigins.WithAdditionalAnnotations(OriginsAnnotation)).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
