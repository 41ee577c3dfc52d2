using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS017 in a class library, where no app pipeline is there to take a policy: the echo is written only for an origin
/// listed in configuration (<c>Cors:AllowedOrigins</c>, read from the configuration in scope or the request's services).
/// The hand-written headers stay (CORS016); the echo stops allowing every website.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequestOriginReflectedCodeFixProvider)), Shared]
public sealed class RequestOriginReflectedCodeFixProvider : CorsCodeFixProvider
{
    public const string CheckConfiguredOriginsKey = "CORS017_CheckConfiguredOrigins";

    private static readonly string[] Namespaces = { "System.Linq", ConfiguredOrigins.ConfigurationNamespace, "Microsoft.Extensions.DependencyInjection" };

    public RequestOriginReflectedCodeFixProvider()
        : base(DiagnosticIds.RequestOriginReflected)
    {
    }

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var model = context.Model;
        if (context.Document.Project.CompilationOptions?.OutputKind != OutputKind.DynamicallyLinkedLibrary
            || !CorsKnownTypes.TryGet(model.Compilation, out var types)
            || context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
            || model.GetOperation(node, context.CancellationToken) is not { } write
            || HeaderWriteModel.WrittenHeader(write, types, out var value) != HeaderWriteModel.AllowOrigin
            || write.Parent is not IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement }
            || statement.Parent is not BlockSyntax
            || Echo(value) is not { } echo
            || Condition(model, statement, echo.Origin, types, context.CancellationToken) is not { } condition)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Write the origin only when configuration lists it (Cors:AllowedOrigins)",
                token => RewriteAsync(context.Document, statement, condition, echo.Fallback, echo.Origin.Syntax, token),
                CheckConfiguredOriginsKey),
            diagnostic);
    }

    /// <summary>
    /// The echoed origin in the written value. A fallback written beside it (<c>string.IsNullOrEmpty(origin) ? "*" : origin</c>,
    /// <c>origin ?? "*"</c>) goes: under the check only a listed origin is written, so the value becomes that origin. The
    /// fallback is a constant, and the condition that chose it reads without side effects; otherwise the value is guarded
    /// as it stands, and null when it is a fallback the fix cannot drop.
    /// </summary>
    private static (IOperation Origin, SyntaxNode? Fallback)? Echo(IOperation? value)
    {
        var written = value?.WalkDownConversion();
        switch (written)
        {
            case null:
                return null;
            case ICoalesceOperation { WhenNull: var whenNull } coalesce when IsConstant(whenNull) && !IsConstant(coalesce.Value):
                return (coalesce.Value.WalkDownConversion(), Outermost(coalesce.Syntax));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional
                when IsConstant(conditional.WhenTrue) != IsConstant(whenFalse)
                && conditional.Condition.Syntax is ExpressionSyntax test
                && SideEffects.None(test, static call => CallSyntax.GetName(call)?.Identifier.ValueText is "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "ToString" or "First" or "FirstOrDefault" or "Last" or "Equals" or "StartsWith" or "EndsWith" or "Contains", allowCreation: false):
                return ((IsConstant(whenFalse) ? conditional.WhenTrue : whenFalse).WalkDownConversion(), Outermost(conditional.Syntax));
            case ICoalesceOperation or IConditionalOperation:
                return null;
            default:
                return (written, null);
        }
    }

    private static bool IsConstant(IOperation operation) => operation.WalkDownConversion().ConstantValue.HasValue;

    /// <summary>The expression with the parentheses around it.</summary>
    private static SyntaxNode Outermost(SyntaxNode expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    /// <summary><c>(configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []).Contains(origin)</c>, or null.</summary>
    private static ExpressionSyntax? Condition(SemanticModel model, StatementSyntax statement, IOperation origin, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (origin.Syntax is not ExpressionSyntax originSyntax
            || !SideEffects.None(originSyntax, static call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" or "First" or "FirstOrDefault" or "Last" }, allowCreation: false))
        {
            return null;
        }

        var originText = origin.Type?.SpecialType == SpecialType.System_String
            ? originSyntax.WithoutTrivia().ToString()
            : SymbolEqualityComparer.Default.Equals(origin.Type, types.StringValues) ? ToStringCall(originSyntax.WithoutTrivia()) : null;
        var configuration = ConfiguredOrigins.FindAt(model, statement.SpanStart, cancellationToken)?.ToString() is { } configured
            ? "(" + configured + ")"
            : RequestServices(model, statement.SpanStart, types) is { } services
                ? "(" + ConfiguredOrigins.ReadText($"{services}.GetRequiredService<IConfiguration>()", model.SyntaxTree) + ")"
                : null;
        if (originText is null || configuration is null)
        {
            return null;
        }

        return SyntaxFactory.ParseExpression($"{configuration}.Contains({originText})");
    }

    /// <summary>The request's services through an <c>HttpContext</c>, <c>HttpRequest</c> or <c>HttpResponse</c> in scope, a parameter first.</summary>
    private static string? RequestServices(SemanticModel model, int position, CorsKnownTypes types)
    {
        var httpContext = types.HttpRequest?.GetMembers("HttpContext").OfType<IPropertySymbol>().FirstOrDefault()?.Type;
        if (httpContext is null)
        {
            return null;
        }

        var candidates = model.LookupSymbols(position)
            .Where(s => s is IParameterSymbol || (s is ILocalSymbol && s.Locations.All(l => l.SourceSpan.Start < position)))
            .OrderBy(static s => s is IParameterSymbol ? 0 : 1);
        foreach (var symbol in candidates)
        {
            var type = symbol is IParameterSymbol parameter ? parameter.Type : ((ILocalSymbol)symbol).Type;
            if (SymbolEqualityComparer.Default.Equals(type, httpContext))
            {
                return symbol.Name + ".RequestServices";
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.HttpRequest) || SymbolEqualityComparer.Default.Equals(type, types.HttpResponse))
            {
                return symbol.Name + ".HttpContext.RequestServices";
            }
        }

        return null;
    }

    private static string ToStringCall(ExpressionSyntax value) =>
        value is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax
            ? value + ".ToString()"
            : "(" + value + ").ToString()";

    private static async Task<Document> RewriteAsync(Document document, ExpressionStatementSyntax statement, ExpressionSyntax condition, SyntaxNode? fallback, SyntaxNode origin, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Under the check the written value is the origin: a fallback beside it (the "*" of `o ?? "*"`) is never written.
        var write = fallback is null ? statement : statement.ReplaceNode(fallback, origin.WithTriviaFrom(fallback));
        var guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(write.WithoutLeadingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var bound = model.GetSpeculativeTypeInfo(statement.SpanStart, condition, SpeculativeBindingOption.BindAsExpression).Type;
        var rewritten = root.ReplaceNode(statement, guarded);
        if (bound?.SpecialType != SpecialType.System_Boolean)
        {
            // A name the file does not import yet: each namespace the condition reads is imported (those it has are skipped).
            rewritten = Namespaces.Aggregate(rewritten, Imports.AddUsing);
        }

        return document.WithSyntaxRoot(rewritten);
    }
}
