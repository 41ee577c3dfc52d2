using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS015: removes the [EnableCors] that conflicts with [DisableCors], keeping the comments and layout around it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConflictingCorsAttributesCodeFixProvider)), Shared]
public sealed class ConflictingCorsAttributesCodeFixProvider : CodeFixProvider
{
    public const string RemoveEnableCorsKey = "CORS015_RemoveEnableCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConflictingCorsAttributes);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { Parent: AttributeListSyntax list } attribute)
            {
                continue;
            }

            if (await IsOnlyPolicyForUnnamedUseCorsAsync(context.Document, attribute, context.CancellationToken).ConfigureAwait(false))
            {
                // Without it, UseCors() would apply a default policy that does not exist (CORS013): a person decides.
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove [EnableCors]", _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, list, attribute))), RemoveEnableCorsKey),
                diagnostic);
        }
    }

    /// <summary>
    /// True when the app calls <c>UseCors()</c> without a name, adds no default policy, and this attribute is the only
    /// endpoint metadata that names a policy: the unnamed middleware then relies on it.
    /// </summary>
    private static async Task<bool> IsOnlyPolicyForUnnamedUseCorsAsync(Document document, AttributeSyntax attribute, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ArgumentList is not { Arguments.Count: > 0 })
        {
            return false;
        }

        var unnamedUseCors = false;
        foreach (var other in document.Project.Documents)
        {
            if (await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case AttributeSyntax { ArgumentList.Arguments.Count: > 0 } enable when enable != attribute && IsNamed(enable.Name, "EnableCors"):
                        return false;
                    case InvocationExpressionSyntax invocation when Common.CallSyntax.GetName(invocation)?.Identifier.ValueText is { } name:
                        if (name is "RequireCors" or "AddDefaultPolicy" || (name == "WithMetadata" && invocation.ToString().Contains("EnableCors")))
                        {
                            return false;
                        }

                        unnamedUseCors |= name == "UseCors" && invocation.ArgumentList.Arguments.Count == 0;
                        break;
                }
            }
        }

        return unnamedUseCors;
    }

    private static bool IsNamed(NameSyntax name, string attribute)
    {
        var text = name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : (name as SimpleNameSyntax)?.Identifier.ValueText;
        return text == attribute || text == attribute + "Attribute";
    }

    private static SyntaxNode Remove(SyntaxNode root, AttributeListSyntax list, AttributeSyntax attribute)
    {
        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        // The list goes; its leading trivia (indentation, doc comments) moves to what follows it.
        var next = list.GetLastToken().GetNextToken();
        var tracked = root.TrackNodes(list);
        tracked = tracked.ReplaceToken(tracked.FindToken(next.SpanStart), next.WithLeadingTrivia(list.GetLeadingTrivia()));
        return tracked.RemoveNode(tracked.GetCurrentNode(list)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
