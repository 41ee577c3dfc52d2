using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// How a fix reaches <c>IConfiguration</c> from a place in a policy, in order of preference:
/// <list type="number">
/// <item>a configuration in scope there (a parameter, a field, <c>builder.Configuration</c>, <c>app.ApplicationServices</c>), dropping
/// <c>static</c> from the lambdas in between when that is all that stands in the way;</item>
/// <item>one in scope at the statement that holds the policy, read into a local declared before it (a lambda parameter shadows it);</item>
/// <item>none in scope (a helper on <c>IServiceCollection</c>): <c>AddCors(o => ...)</c> becomes
/// <c>AddCors().AddOptions&lt;CorsOptions&gt;().Configure&lt;IConfiguration&gt;((o, configuration) => ...)</c>, which the host fills.</item>
/// </list>
/// Never a name the compiler rejects there: top-level locals are not usable from a type's members, outer locals not from
/// local functions (definite assignment), instance members not from static code.
/// </summary>
internal sealed class ConfigurationReach
{
    private static readonly SyntaxAnnotation StripStatic = new("CorsAnalyzers.StripStatic");
    private static readonly SyntaxAnnotation HoistBefore = new("CorsAnalyzers.HoistBefore");
    private static readonly SyntaxAnnotation ThroughOptions = new("CorsAnalyzers.ThroughOptions");

    private readonly List<AnonymousFunctionExpressionSyntax> _staticLambdas;
    private readonly StatementSyntax? _hoistBefore;
    private readonly InvocationExpressionSyntax? _addCors;
    private readonly bool _needsCorsUsing;

    private ConfigurationReach(string configuration, List<AnonymousFunctionExpressionSyntax> staticLambdas, StatementSyntax? hoistBefore, string hoistedName, InvocationExpressionSyntax? addCors, bool needsCorsUsing)
    {
        Configuration = configuration;
        _staticLambdas = staticLambdas;
        _hoistBefore = hoistBefore;
        HoistedName = hoistedName;
        _addCors = addCors;
        _needsCorsUsing = needsCorsUsing;
    }

    /// <summary>The configuration expression, valid where the origins are read.</summary>
    public string Configuration { get; }

    public bool UsesHoistedLocal => _hoistBefore is not null;

    /// <summary>True when the configuration expression is valid where it goes without any other edit.</summary>
    public bool NeedsNoEdits => _staticLambdas.Count == 0 && _hoistBefore is null && _addCors is null;

    public string HoistedName { get; }

    public static ConfigurationReach? Find(SemanticModel model, SyntaxNode at, CancellationToken cancellationToken)
    {
        if (!CorsKnownTypes.TryGet(model.Compilation, out var types) || types.Configuration.IConfiguration is not { } configurationType)
        {
            return null;
        }

        var functions = EnclosingFunctions(at);
        if (Best(model, at.SpanStart, functions, configurationType, types, cancellationToken) is { } direct)
        {
            return new ConfigurationReach(direct.Text, direct.StaticLambdas, null, string.Empty, null, false);
        }

        if (HoistAnchor(at) is { } anchor
            && Best(model, anchor.SpanStart, EnclosingFunctions(anchor), configurationType, types, cancellationToken) is { StaticLambdas.Count: 0 } outer)
        {
            var name = FreshName.InScope(model, anchor, "allowedOrigins");
            var lambdas = functions.TakeWhile(f => !f.Contains(anchor)).OfType<AnonymousFunctionExpressionSyntax>().Where(IsStatic).ToList();
            return new ConfigurationReach(outer.Text, lambdas, anchor, name, null, false);
        }

        if (AddCorsLambda(model, at, types, cancellationToken) is { } addCors)
        {
            var lambda = (LambdaExpressionSyntax)addCors.ArgumentList.Arguments[0].Expression;
            var name = FreshName.InScope(model, lambda, "configuration");
            var lambdas = functions.TakeWhile(f => f != lambda).OfType<AnonymousFunctionExpressionSyntax>().Where(IsStatic).ToList();
            var corsOptions = model.GetSpeculativeTypeInfo(addCors.SpanStart, SyntaxFactory.ParseTypeName("CorsOptions"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            return new ConfigurationReach(name, lambdas, null, string.Empty, addCors, corsOptions is null or { TypeKind: TypeKind.Error });
        }

        return null;
    }

    /// <summary>Marks <paramref name="target"/> and every node <see cref="Complete"/> edits, so that edits inside them keep them findable.</summary>
    public SyntaxNode Annotate(SyntaxNode root, SyntaxNode target, SyntaxAnnotation targetAnnotation, SyntaxNode? other = null, SyntaxAnnotation? otherAnnotation = null)
    {
        var nodes = new List<SyntaxNode> { target };
        if (other is not null)
        {
            nodes.Add(other);
        }

        nodes.AddRange(_staticLambdas);
        if (_hoistBefore is not null)
        {
            nodes.Add(HoistTarget(_hoistBefore));
        }

        if (_addCors is not null)
        {
            nodes.Add(_addCors);
        }

        return root.ReplaceNodes(nodes, (original, current) =>
        {
            var annotated = current;
            if (original == target)
            {
                annotated = annotated.WithAdditionalAnnotations(targetAnnotation);
            }

            if (original == other && otherAnnotation is not null)
            {
                annotated = annotated.WithAdditionalAnnotations(otherAnnotation);
            }

            if (original is AnonymousFunctionExpressionSyntax lambda && _staticLambdas.Contains(lambda))
            {
                annotated = annotated.WithAdditionalAnnotations(StripStatic);
            }

            if (_hoistBefore is not null && original == HoistTarget(_hoistBefore))
            {
                annotated = annotated.WithAdditionalAnnotations(HoistBefore);
            }

            if (original == _addCors)
            {
                annotated = annotated.WithAdditionalAnnotations(ThroughOptions);
            }

            return annotated;
        });
    }

    /// <summary>Applies the edits <see cref="Find"/> planned, after the target was rewritten.</summary>
    public SyntaxNode Complete(SyntaxNode root, string readOrigins)
    {
        root = root.ReplaceNodes(root.GetAnnotatedNodes(StripStatic), (_, current) => WithoutStatic((AnonymousFunctionExpressionSyntax)current));
        if (root.GetAnnotatedNodes(ThroughOptions).FirstOrDefault() is InvocationExpressionSyntax addCors)
        {
            root = root.ReplaceNode(addCors, ReadThroughOptions(addCors, Configuration));
            if (_needsCorsUsing)
            {
                root = Imports.AddUsing(root, "Microsoft.AspNetCore.Cors.Infrastructure");
            }
        }

        if (root.GetAnnotatedNodes(HoistBefore).FirstOrDefault() is { } anchor)
        {
            var indentation = anchor.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var declaration = SyntaxFactory.ParseStatement($"var {HoistedName} = {readOrigins};")
                .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                .WithTrailingTrivia(StatementInsertion.EndOfLine(root));
            SyntaxNode inserted = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(declaration) : declaration;
            root = root.InsertNodesBefore(anchor, new[] { inserted });
        }

        return root;
    }

    private static SyntaxNode HoistTarget(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;

    private readonly struct Candidate
    {
        public Candidate(string text, int rank, List<AnonymousFunctionExpressionSyntax> staticLambdas)
        {
            Text = text;
            Rank = rank;
            StaticLambdas = staticLambdas;
        }

        public string Text { get; }

        public int Rank { get; }

        public List<AnonymousFunctionExpressionSyntax> StaticLambdas { get; }
    }

    private static Candidate? Best(SemanticModel model, int position, List<SyntaxNode> functions, INamedTypeSymbol configurationType, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        Candidate? best = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (GetType(symbol) is not { } type || Describe(symbol, type, configurationType, types) is not { } reach
                || Crossed(symbol, position, functions) is not { } staticLambdas)
            {
                continue;
            }

            if (best is null || reach.Rank < best.Value.Rank || (reach.Rank == best.Value.Rank && staticLambdas.Count < best.Value.StaticLambdas.Count))
            {
                best = new Candidate(reach.Text, reach.Rank, staticLambdas);
            }
        }

        return best;
    }

    /// <summary>
    /// Lower rank is better: the function's own configuration, then the type's member (Startup.Configuration), then a
    /// captured primary-constructor parameter, then builder.Configuration / app.Configuration, then the app's services.
    /// </summary>
    private static (string Text, int Rank)? Describe(ISymbol symbol, ITypeSymbol type, INamedTypeSymbol configurationType, CorsKnownTypes types)
    {
        if (IsOrImplements(type, configurationType))
        {
            return (symbol.Name, symbol switch
            {
                IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } => 2,
                IFieldSymbol or IPropertySymbol => 1,
                _ => 0,
            });
        }

        if (symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return null;
        }

        if (type.GetMembers("Configuration").OfType<IPropertySymbol>().Any(p => !p.IsStatic && IsOrImplements(p.Type, configurationType)))
        {
            return (symbol.Name + ".Configuration", 3);
        }

        if (types.IApplicationBuilder is { } applicationBuilder && IsOrImplements(type, applicationBuilder))
        {
            return (symbol.Name + ".ApplicationServices.GetRequiredService<IConfiguration>()", 4);
        }

        return null;
    }

    /// <summary>
    /// The static lambdas between <paramref name="position"/> and the function that declares <paramref name="symbol"/>, which
    /// lose <c>static</c>; null when the symbol cannot be used there at all.
    /// </summary>
    private static List<AnonymousFunctionExpressionSyntax>? Crossed(ISymbol symbol, int position, List<SyntaxNode> functions)
    {
        var staticLambdas = new List<AnonymousFunctionExpressionSyntax>();
        var owner = symbol is ILocalSymbol or IParameterSymbol ? Owner(symbol) : null;
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol when owner is not null:
                if (symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.Any(r => r.Span.End >= position))
                {
                    return null;
                }

                foreach (var function in functions)
                {
                    if (function == owner)
                    {
                        return staticLambdas;
                    }

                    if (function is LocalFunctionStatementSyntax && symbol is ILocalSymbol)
                    {
                        return null;
                    }

                    if (!AddIfStatic(function, staticLambdas))
                    {
                        return null;
                    }
                }

                // Declared in a function that does not enclose the position: a top-level local seen from a type's member.
                return null;
            case IFieldSymbol or IPropertySymbol or IParameterSymbol:
                // Members, and primary-constructor parameters (no function owns them), need an instance unless static.
                if (symbol.IsStatic)
                {
                    return staticLambdas;
                }

                foreach (var function in functions)
                {
                    if (function is MemberDeclarationSyntax member)
                    {
                        return member.Modifiers.Any(SyntaxKind.StaticKeyword) ? null : staticLambdas;
                    }

                    if (function is CompilationUnitSyntax || !AddIfStatic(function, staticLambdas))
                    {
                        return null;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>False for a static local function (it cannot lose <c>static</c> safely); a static lambda is recorded.</summary>
    private static bool AddIfStatic(SyntaxNode function, List<AnonymousFunctionExpressionSyntax> staticLambdas)
    {
        switch (function)
        {
            case AnonymousFunctionExpressionSyntax lambda when IsStatic(lambda):
                staticLambdas.Add(lambda);
                return true;
            case LocalFunctionStatementSyntax local:
                return !local.Modifiers.Any(SyntaxKind.StaticKeyword);
            default:
                return true;
        }
    }

    /// <summary>The function (lambda, local function, member, or the compilation unit for top-level code) that declares a local or parameter.</summary>
    private static SyntaxNode? Owner(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            if (symbol is IParameterSymbol)
            {
                node = node.Parent is ParameterListSyntax list ? list.Parent! : node.Parent!;
                return node is SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax ? node : null;
            }

            return EnclosingFunctions(node).FirstOrDefault();
        }

        return null;
    }

    /// <summary>The functions that enclose <paramref name="node"/>, innermost first, ending with the member or the compilation unit.</summary>
    private static List<SyntaxNode> EnclosingFunctions(SyntaxNode node)
    {
        var functions = new List<SyntaxNode>();
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    functions.Add(current);
                    break;
                case GlobalStatementSyntax:
                    functions.Add(current.Parent!);
                    return functions;
                case BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax or FieldDeclarationSyntax:
                    functions.Add(current);
                    return functions;
            }
        }

        return functions;
    }

    /// <summary>The statement of the nearest method, local function or top-level code that holds <paramref name="at"/>.</summary>
    private static StatementSyntax? HoistAnchor(SyntaxNode at)
    {
        StatementSyntax? candidate = null;
        for (var current = at.Parent; current is not null; current = current.Parent)
        {
            if (current is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or GlobalStatementSyntax)
            {
                return candidate;
            }

            if (current is StatementSyntax statement && statement.Parent is BlockSyntax or GlobalStatementSyntax)
            {
                candidate = statement;
            }
        }

        return null;
    }

    /// <summary><c>services.AddCors(o => ...)</c> around <paramref name="at"/>, whose lambda can take the configuration as a second parameter.</summary>
    private static InvocationExpressionSyntax? AddCorsLambda(SemanticModel model, SyntaxNode at, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        foreach (var invocation in at.Ancestors().OfType<InvocationExpressionSyntax>())
        {
            if (invocation is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCors" }, ArgumentList.Arguments.Count: 1 }
                && invocation.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 }
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsExtensionMethod: true, ReducedFrom: not null } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.CorsServiceCollectionExtensions))
            {
                return invocation;
            }
        }

        return null;
    }

    private static ExpressionSyntax ReadThroughOptions(InvocationExpressionSyntax addCors, string configuration)
    {
        var memberAccess = (MemberAccessExpressionSyntax)addCors.Expression;
        var lambda = (LambdaExpressionSyntax)addCors.ArgumentList.Arguments[0].Expression;
        var parameters = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(new[] { simple.Parameter.WithoutTrivia(), SyntaxFactory.Parameter(SyntaxFactory.Identifier(configuration)) })),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.AddParameters(
                parenthesized.ParameterList.Parameters[0].Type is null
                    ? SyntaxFactory.Parameter(SyntaxFactory.Identifier(configuration))
                    : SyntaxFactory.Parameter(SyntaxFactory.Identifier(configuration)).WithType(SyntaxFactory.ParseTypeName("IConfiguration ").WithTrailingTrivia(SyntaxFactory.Space))),
            _ => null,
        };
        var newLambda = SyntaxFactory.ParenthesizedLambdaExpression(
            lambda.Modifiers,
            parameters!.WithTrailingTrivia(SyntaxFactory.Space),
            lambda.ArrowToken,
            lambda.Block,
            lambda.ExpressionBody).WithLeadingTrivia(lambda.GetLeadingTrivia());
        var prefix = SyntaxFactory.ParseExpression(
            $"{memberAccess.Expression}.AddCors().AddOptions<CorsOptions>().Configure<IConfiguration>()");
        var configure = (InvocationExpressionSyntax)prefix;
        ExpressionSyntax result = configure.WithArgumentList(
            configure.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(newLambda))).WithTriviaFrom(addCors.ArgumentList));
        if (!IsValueDiscarded(addCors))
        {
            // AddCors returned the service collection; OptionsBuilder<T>.Services gives it back.
            result = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, result, SyntaxFactory.IdentifierName("Services"));
        }

        return result.WithTriviaFrom(addCors);
    }

    /// <summary>A statement, or the body of a void member: nothing reads what the call returns.</summary>
    private static bool IsValueDiscarded(ExpressionSyntax call) => call.Parent switch
    {
        ExpressionStatementSyntax => true,
        ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax returnType } } => returnType.Keyword.IsKind(SyntaxKind.VoidKeyword),
        ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax { ReturnType: PredefinedTypeSyntax returnType } } => returnType.Keyword.IsKind(SyntaxKind.VoidKeyword),
        _ => false,
    };

    private static AnonymousFunctionExpressionSyntax WithoutStatic(AnonymousFunctionExpressionSyntax lambda)
    {
        var modifier = lambda.Modifiers.First(m => m.IsKind(SyntaxKind.StaticKeyword));
        var without = lambda.WithModifiers(lambda.Modifiers.Remove(modifier));
        return without.WithLeadingTrivia(lambda.GetLeadingTrivia());
    }

    private static bool IsStatic(AnonymousFunctionExpressionSyntax lambda) => lambda.Modifiers.Any(SyntaxKind.StaticKeyword);

    /// <summary>A name nothing in the enclosing member uses or brings into scope at <paramref name="scope"/>.</summary>
    private static ITypeSymbol? GetType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        SymbolEqualityComparer.Default.Equals(type, @interface)
        || type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);
}
