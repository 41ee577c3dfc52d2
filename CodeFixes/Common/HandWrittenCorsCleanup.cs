using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// What goes with hand-written CORS headers once the middleware answers instead: the writes, the guards left empty
/// (<c>if (!headers.ContainsKey(...))</c>), the preflight short-circuit (<c>if (IsOptions(...)) { StatusCode = 204; return; }</c>,
/// which would otherwise answer every preflight before the CORS middleware sees it), and locals only they read.
/// </summary>
internal sealed class HandWrittenCorsCleanup
{
    private static readonly HashSet<string> PureCalls = new(StringComparer.Ordinal)
    {
        "ContainsKey", "IsOptions", "Equals", "ToString", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "Trim",
        "IsNullOrEmpty", "IsNullOrWhiteSpace", "StartsWith", "EndsWith", "Contains", "FirstOrDefault",
        "IsDevelopment", "IsProduction", "IsStaging", "IsEnvironment",
    };

    private HandWrittenCorsCleanup(BlockSyntax? body, IReadOnlyCollection<SyntaxNode> removed, bool onlyPassesOn)
    {
        Body = body;
        Removed = removed;
        OnlyPassesOn = onlyPassesOn;
    }

    /// <summary>The block of the lambda or method that holds the writes; null for another shape (the writes alone go).</summary>
    public BlockSyntax? Body { get; }

    /// <summary>The statements to remove, outermost ones only.</summary>
    public IReadOnlyCollection<SyntaxNode> Removed { get; }

    /// <summary>After the removals the body only passes the request on (<c>await next()</c>) or completes.</summary>
    public bool OnlyPassesOn { get; }

    public static HandWrittenCorsCleanup Plan(HeaderWriteModel place, CancellationToken cancellationToken)
    {
        var writes = place.Writes.Select(w => w.Operation.Parent!.Syntax).ToList();
        if (BodyOf(place.Place.Syntax) is not { } body || place.Place.SemanticModel is not { } model)
        {
            return new HandWrittenCorsCleanup(null, writes, onlyPassesOn: false);
        }

        var removed = Removable(body, writes, model, cancellationToken);
        var onlyPassesOn = body.Statements.Where(s => !removed.Contains(s)).All(s => IsPassOn(s, model, cancellationToken));
        return new HandWrittenCorsCleanup(body, removed, onlyPassesOn);
    }

    private static BlockSyntax? BodyOf(SyntaxNode place) => place switch
    {
        BlockSyntax block => block,
        LambdaExpressionSyntax { Block: { } block } => block,
        AnonymousMethodExpressionSyntax { Block: { } block } => block,
        BaseMethodDeclarationSyntax { Body: { } block } => block,
        LocalFunctionStatementSyntax { Body: { } block } => block,
        _ => null,
    };

    private static HashSet<StatementSyntax> Removable(BlockSyntax body, IReadOnlyCollection<SyntaxNode> writes, SemanticModel model, CancellationToken cancellationToken)
    {
        var removable = new HashSet<StatementSyntax>(writes.OfType<StatementSyntax>());
        var statements = Statements(body).ToList();
        for (var changed = true; changed;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var statement in statements)
            {
                if (!removable.Contains(statement) && IsRemovable(statement, removable, statements, model, cancellationToken))
                {
                    removable.Add(statement);
                    changed = true;
                }
            }
        }

        removable.RemoveWhere(s => s.Ancestors().OfType<StatementSyntax>().Any(a => removable.Contains(a)));
        return removable;
    }

    private static bool IsRemovable(StatementSyntax statement, HashSet<StatementSyntax> removable, List<StatementSyntax> all, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case BlockSyntax block:
                // The body of an if or a loop stays (emptied): only the statement that owns it can go.
                return block.Parent is BlockSyntax && block.Statements.Count > 0 && block.Statements.All(removable.Contains);
            case IfStatementSyntax @if when IsSideEffectFree(@if.Condition):
                if (IsPreflightCheck(@if.Condition) && @if.Else is null && Branch(@if.Statement).Any(IsReturn)
                    && Branch(@if.Statement).All(s => removable.Contains(s) || IsPreflightAnswer(s)))
                {
                    return true;
                }

                return Branch(@if.Statement).Any(removable.Contains)
                    && Branch(@if.Statement).All(removable.Contains)
                    && (@if.Else is null || Branch(@if.Else.Statement).All(removable.Contains));
            case LocalDeclarationStatementSyntax declaration when declaration.Declaration.Variables.All(v => v.Initializer is null || IsSideEffectFree(v.Initializer.Value)):
                var locals = declaration.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken)).Where(l => l is not null).ToList();
                return locals.Count > 0 && all.Where(s => s != declaration && !IsInside(s, removable)).All(s => !ReadsAny(s, locals!, model, cancellationToken));
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call }
                when call.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { Block: { } callback } && IsOnStarting(call, model, cancellationToken):
                // A response-start callback that only wrote the headers.
                return callback.Statements.Any(removable.Contains) && callback.Statements.All(s => removable.Contains(s) || IsPassOn(s, model, cancellationToken));
            default:
                return false;
        }
    }

    private static bool IsOnStarting(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        CallSyntax.GetName(call)?.Identifier.ValueText == "OnStarting"
        && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "HttpResponse", ContainingNamespace: var ns } }
        && ns.ToDisplayString() == "Microsoft.AspNetCore.Http";

    private static bool IsReturn(StatementSyntax statement) => statement is ReturnStatementSyntax;

    private static IEnumerable<StatementSyntax> Branch(StatementSyntax statement) =>
        statement is BlockSyntax block ? block.Statements : new[] { statement };

    private static bool IsInside(StatementSyntax statement, HashSet<StatementSyntax> removable) =>
        statement.AncestorsAndSelf().OfType<StatementSyntax>().Any(removable.Contains);

    private static bool ReadsAny(StatementSyntax statement, List<ISymbol> locals, SemanticModel model, CancellationToken cancellationToken)
    {
        // Only the statement's own expressions: nested statements are checked on their own.
        foreach (var name in statement.DescendantNodes(n => n == statement || n is not StatementSyntax).OfType<IdentifierNameSyntax>())
        {
            if (locals.Any(l => l.Name == name.Identifier.ValueText) && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol
                && locals.Contains(symbol, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<StatementSyntax> Statements(BlockSyntax body) =>
        body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<StatementSyntax>();

    /// <summary>
    /// <c>HttpMethods.IsOptions(context.Request.Method)</c>, or a comparison of the method with <c>"OPTIONS"</c> (either side,
    /// <c>==</c> or <c>Equals</c>), <c>HttpMethods.Options</c> or <c>HttpMethod.Options.Method</c>.
    /// </summary>
    private static bool IsPreflightCheck(ExpressionSyntax condition) =>
        condition.DescendantNodesAndSelf().Any(n =>
            n is InvocationExpressionSyntax invocation && CallSyntax.GetName(invocation)?.Identifier.ValueText == "IsOptions"
            || n is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && string.Equals(literal.Token.ValueText, "OPTIONS", StringComparison.OrdinalIgnoreCase)
            || n is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Options", Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } access
                && LastName(access.Expression) is "HttpMethods" or "HttpMethod");

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>What a preflight short-circuit does: set the status, complete or write the response, return.</summary>
    private static bool IsPreflightAnswer(StatementSyntax statement)
    {
        switch (statement)
        {
            case ReturnStatementSyntax { Expression: null }:
                return true;
            case ReturnStatementSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } }:
                return true;
            case ReturnStatementSyntax { Expression: InvocationExpressionSyntax returned }:
                // return context.Response.WriteAsync("OK"); in a middleware that returns its Task.
                return CallSyntax.GetName(returned)?.Identifier.ValueText is "CompleteAsync" or "WriteAsync" or "StartAsync";
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" } } }:
                return true;
            case ExpressionStatementSyntax { Expression: var expression }:
                var call = expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression;
                return call is InvocationExpressionSyntax invocation && CallSyntax.GetName(invocation)?.Identifier.ValueText is "CompleteAsync" or "WriteAsync" or "StartAsync";
            default:
                return false;
        }
    }

    private static bool IsSideEffectFree(ExpressionSyntax expression) =>
        SideEffects.None(expression, static invocation => CallSyntax.GetName(invocation) is { } name && PureCalls.Contains(name.Identifier.ValueText), allowCreation: false);

    /// <summary><c>await next()</c>, <c>await _next(context)</c>, <c>return next(context)</c>, <c>return Task.CompletedTask</c>.</summary>
    private static bool IsPassOn(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        var expression = statement switch
        {
            ExpressionStatementSyntax expressionStatement => expressionStatement.Expression,
            ReturnStatementSyntax { Expression: { } returned } => returned,
            _ => null,
        };
        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        switch (expression is null ? null : model.GetOperation(expression, cancellationToken))
        {
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke }:
                return true;
            case IPropertyReferenceOperation { Property.Name: "CompletedTask", Property.IsStatic: true } when statement is ReturnStatementSyntax:
                return true;
            default:
                return false;
        }
    }
}
