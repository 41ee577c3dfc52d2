using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>Finds the operation tree of code declared in source, so models can follow the project's own helpers.</summary>
internal static class SourceOperations
{
    /// <summary>The body of a method or local function declared in source, or null when it cannot be seen.</summary>
    public static IOperation? GetBody(IMethodSymbol method, IOperation context, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax))
            {
                continue;
            }

            var operation = GetOperation(syntax, context, cancellationToken);
            switch (operation)
            {
                case IMethodBodyOperation body:
                    return (IOperation?)body.BlockBody ?? body.ExpressionBody;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Body;
            }
        }

        return null;
    }

    /// <summary>
    /// The body of a property getter declared in source (<c>string[] Origins =&gt; Value.Split(',')</c>, <c>get { ... }</c>);
    /// null for an auto-property, whose value is whatever was stored (by the configuration binder, say).
    /// </summary>
    public static IOperation? GetGetterBody(IPropertySymbol property, IOperation context, CancellationToken cancellationToken)
    {
        if (property.GetMethod is not { } getter)
        {
            return null;
        }

        foreach (var reference in getter.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            switch (syntax)
            {
                case ArrowExpressionClauseSyntax:
                    return GetOperation(syntax, context, cancellationToken);
                case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                    return GetOperation(syntax, context, cancellationToken) is IMethodBodyOperation body ? (IOperation?)body.BlockBody ?? body.ExpressionBody : null;
            }
        }

        return null;
    }

    /// <summary>The initializer value of a field or property declared in source, or null.</summary>
    public static IOperation? GetInitializer(ISymbol symbol, IOperation context, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            EqualsValueClauseSyntax? initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };
            if (initializer is null)
            {
                continue;
            }

            if (GetOperation(initializer, context, cancellationToken) is ISymbolInitializerOperation init)
            {
                return init.Value;
            }
        }

        return null;
    }

    private static IOperation? GetOperation(SyntaxNode syntax, IOperation context, CancellationToken cancellationToken)
    {
        var model = context.SemanticModel;
        if (model is null)
        {
            return null;
        }

        if (model.SyntaxTree != syntax.SyntaxTree)
        {
            if (!model.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // Following the project's own helpers into another file needs that file's semantic model.
            model = model.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        }

        return model.GetOperation(syntax, cancellationToken);
    }
}
