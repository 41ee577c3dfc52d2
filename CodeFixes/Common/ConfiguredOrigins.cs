using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// Builds <c>configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []</c> for a place in a policy, so a
/// permissive or broken origin becomes an explicit list kept in app settings, and the edits that make configuration
/// reachable there (<see cref="ConfigurationReach"/>).
/// </summary>
internal sealed class ConfiguredOrigins
{
    public const string SectionKey = "Cors:AllowedOrigins";

    public const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

    private static readonly SyntaxAnnotation TargetAnnotation = new("CorsAnalyzers.ConfiguredOrigins.Target");
    private static readonly SyntaxAnnotation UnusedAnnotation = new("CorsAnalyzers.ConfiguredOrigins.Unused");

    private readonly ConfigurationReach _reach;
    private readonly bool _needsUsing;
    private readonly bool _collectionExpression;

    private ConfiguredOrigins(ConfigurationReach reach, bool needsUsing, bool collectionExpression)
    {
        _reach = reach;
        _needsUsing = needsUsing;
        _collectionExpression = collectionExpression;
    }

    /// <summary>The configured origins for <paramref name="at"/>, or null when no configuration can be reached from there.</summary>
    public static ConfiguredOrigins? Find(SemanticModel model, SyntaxNode at, CancellationToken cancellationToken)
    {
        if (ConfigurationReach.Find(model, at, cancellationToken) is not { } reach)
        {
            return null;
        }

        var collectionExpression = UsesCollectionExpressions(model.SyntaxTree);

        // Get<T>() is an extension method in the namespace of IConfiguration: one test tells whether both need a using.
        var configurationType = model.GetSpeculativeTypeInfo(at.SpanStart, SyntaxFactory.ParseTypeName("IConfiguration"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        var needsUsing = configurationType is null or { TypeKind: TypeKind.Error };
        return new ConfiguredOrigins(reach, needsUsing, collectionExpression);
    }

    /// <summary>The configured origins readable at <paramref name="position"/> as the code stands, with no other edit; null otherwise.</summary>
    public static ExpressionSyntax? FindAt(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindToken(position).Parent;
        return node is not null && Find(model, node, cancellationToken) is { _needsUsing: false } origins && origins._reach.NeedsNoEdits
            ? origins.Expression
            : null;
    }

    /// <summary>The origins expression, as the policy text of a fix shows it.</summary>
    public ExpressionSyntax Expression => SyntaxFactory.ParseExpression(_reach.UsesHoistedLocal ? _reach.HoistedName : ReadText());

    /// <summary>Replaces <c>X.AllowAnyOrigin()</c>, <c>X.WithOrigins("*")</c> or <c>X.SetIsOriginAllowed(...)</c> with <c>X.WithOrigins(origins)</c>.</summary>
    /// <paramref name="unused"/> is code the call alone used (the local function of a method-group predicate), removed with it.
    public SyntaxNode ReplaceCall(SyntaxNode root, InvocationExpressionSyntax call, SyntaxNode? unused = null) =>
        Apply(root, call, unused, renameToWithOrigins: true);

    /// <summary>Replaces the arguments of <c>WithOrigins(...)</c> with the configured origins.</summary>
    public SyntaxNode ReplaceArguments(SyntaxNode root, InvocationExpressionSyntax withOrigins) =>
        Apply(root, withOrigins, null, renameToWithOrigins: false);

    /// <summary>
    /// Replaces <paramref name="check"/>, a condition in an origin predicate, with <c>origins.Contains(<paramref name="origin"/>)</c>:
    /// where the check passed, only the origins listed in configuration pass now.
    /// </summary>
    /// <paramref name="needsLinq"/> is true where <c>System.Linq</c> is not imported (its <c>Contains</c> reads the array).
    public SyntaxNode ReplaceCheck(SyntaxNode root, ExpressionSyntax check, string origin, bool needsLinq)
    {
        var annotated = _reach.Annotate(root, check, TargetAnnotation);
        var current = annotated.GetAnnotatedNodes(TargetAnnotation).First();
        var list = _reach.UsesHoistedLocal ? _reach.HoistedName : "(" + ReadText() + ")";
        var replacement = SyntaxFactory.ParseExpression($"{list}.Contains({origin})").WithTriviaFrom(current);
        var rewritten = _reach.Complete(annotated.ReplaceNode(current, replacement), ReadText());
        rewritten = needsLinq ? Imports.AddUsing(rewritten, "System.Linq") : rewritten;
        return _needsUsing ? Imports.AddUsing(rewritten, ConfigurationNamespace) : rewritten;
    }

    /// <summary>
    /// Gives <paramref name="target"/> the origins as its only argument (and the name <c>WithOrigins</c>), then makes
    /// configuration reachable there (drops <c>static</c>, hoists a local, or reads configuration through the options system).
    /// </summary>
    private SyntaxNode Apply(SyntaxNode root, InvocationExpressionSyntax target, SyntaxNode? unused, bool renameToWithOrigins)
    {
        var annotated = _reach.Annotate(root, target, TargetAnnotation, unused, UnusedAnnotation);
        var current = (InvocationExpressionSyntax)annotated.GetAnnotatedNodes(TargetAnnotation).First();
        var replacement = current.WithArgumentList(
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Expression))).WithTriviaFrom(current.ArgumentList));
        if (renameToWithOrigins)
        {
            if (current.Expression is MemberAccessExpressionSyntax memberAccess)
            {
                replacement = replacement.WithExpression(memberAccess.WithName(SyntaxFactory.IdentifierName("WithOrigins").WithTriviaFrom(memberAccess.Name)));
            }

            replacement = replacement.WithAdditionalAnnotations(Formatter.Annotation);
        }

        var rewritten = annotated.ReplaceNode(current, replacement);
        if (rewritten.GetAnnotatedNodes(UnusedAnnotation).FirstOrDefault() is { } leftover)
        {
            rewritten = rewritten.RemoveNode(leftover, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        rewritten = _reach.Complete(rewritten, ReadText());
        return _needsUsing ? Imports.AddUsing(rewritten, ConfigurationNamespace) : rewritten;
    }

    private string ReadText() => ReadText(_reach.Configuration, _collectionExpression);

    /// <summary><c>configuration.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;() ?? []</c> for a configuration expression.</summary>
    public static string ReadText(string configuration, SyntaxTree tree) => ReadText(configuration, UsesCollectionExpressions(tree));

    private static string ReadText(string configuration, bool collectionExpression) =>
        $"{configuration}.GetSection(\"{SectionKey}\").Get<string[]>() ?? {(collectionExpression ? "[]" : "System.Array.Empty<string>()")}";

    private static bool UsesCollectionExpressions(SyntaxTree tree) =>
        ((CSharpParseOptions)tree.Options).LanguageVersion >= LanguageVersion.CSharp12;
}
