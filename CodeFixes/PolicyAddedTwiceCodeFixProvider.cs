using System.Composition;
using CorsAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>
/// CORS014: removes the earlier definition of a policy added twice. The later call replaces the earlier one when the options
/// are built, so the app keeps exactly the policy it runs with today; only the dead definition goes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PolicyAddedTwiceCodeFixProvider)), Shared]
public sealed class PolicyAddedTwiceCodeFixProvider : CorsCodeFixProvider
{
    public const string RemoveEarlierDefinitionKey = "CORS014_RemoveEarlierDefinition";

    public PolicyAddedTwiceCodeFixProvider()
        : base(DiagnosticIds.PolicyAddedTwice)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override void RegisterFixes(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        // Additional location [0]: the earlier call that the reported one replaces.
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
            || CallSyntax.FindInvocation(root, diagnostic.AdditionalLocations[0].SourceSpan) is not { } earlier
            || EarlierStatement(earlier) is not { } statement)
        {
            return;
        }

        context.RegisterRootFix(
            "Remove the earlier definition, which the later one replaces",
            root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!,
            RemoveEarlierDefinitionKey,
            diagnostic);
    }

    /// <summary><c>options.AddPolicy(...);</c> in a block, or the <c>AddCors(o =&gt; o.AddPolicy(...));</c> statement whose only work it is.</summary>
    private static StatementSyntax? EarlierStatement(InvocationExpressionSyntax earlier) => earlier.Parent switch
    {
        ExpressionStatementSyntax { Parent: BlockSyntax } statement => statement,
        LambdaExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax addCors } } }
            when CallSyntax.GetName(addCors)?.Identifier.ValueText == "AddCors" && addCors.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement => statement,
        _ => null,
    };
}
