using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes;

/// <summary>CORS015: removes the [EnableCors] that conflicts with [DisableCors], keeping the comments and layout around it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConflictingCorsAttributesCodeFixProvider)), Shared]
public sealed class ConflictingCorsAttributesCodeFixProvider : CorsCodeFixProvider
{
    public const string RemoveEnableCorsKey = "CORS015_RemoveEnableCors";

    public ConflictingCorsAttributesCodeFixProvider()
        : base(DiagnosticIds.ConflictingCorsAttributes)
    {
    }

    protected override bool NeedsSemanticModel => false;

    protected override async Task RegisterFixesAsync(FixContext context, Diagnostic diagnostic)
    {
        var root = context.Root;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { Parent: AttributeListSyntax list } attribute)
        {
            return;
        }

        if (await IsOnlyPolicyForUnnamedUseCorsAsync(context.Document, attribute, context.CancellationToken).ConfigureAwait(false))
        {
            // Without it, UseCors() would apply a default policy that does not exist (CORS013): a person decides.
            return;
        }

        context.RegisterRootFix("Remove [EnableCors]", Remove(root, list, attribute), RemoveEnableCorsKey, diagnostic);
    }

    /// <summary>
    /// True when the app calls <c>UseCors()</c> without a name, adds no default policy, and this attribute is the only
    /// endpoint metadata that names a policy: the unnamed middleware then relies on it. The calls are classified as the
    /// analyzer classifies them.
    /// </summary>
    private static async Task<bool> IsOnlyPolicyForUnnamedUseCorsAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } || compilation is null || !CorsKnownTypes.TryGet(compilation, out var types))
        {
            return false;
        }

        var calls = new RegistrationCollector(types, new CorsAppScope());
        foreach (var other in document.Project.Documents)
        {
            // Every call and attribute that matters has "Cors" in its name.
            if (!(await other.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString().Contains("Cors")
                || await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await other.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case AttributeSyntax { ArgumentList.Arguments.Count: > 0 } enable when enable != attribute && IsNamed(enable.Name, "EnableCors")
                        && model.GetSymbolInfo(enable, cancellationToken).Symbol is IMethodSymbol { ContainingType: var type }
                        && SymbolEqualityComparer.Default.Equals(type, types.EnableCorsAttribute):
                        return false;
                    case InvocationExpressionSyntax invocation when CallSyntax.GetName(invocation)?.Identifier.ValueText is { } name && CorsCalls.MayBeCorsCall(name)
                        && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation:
                        calls.Add(operation, cancellationToken);
                        break;
                }
            }
        }

        var registrations = calls.Model;
        if (registrations.Policies.Any(p => p.IsDefault))
        {
            return false;
        }

        var unnamedUseCors = false;
        foreach (var reference in registrations.References)
        {
            switch (reference.Kind)
            {
                case PolicyReferenceKind.RequireCors or PolicyReferenceKind.RequireCorsInline or PolicyReferenceKind.EnableCors:
                    return false;
                case PolicyReferenceKind.UseCors when reference.Name is null && reference.NameIsConstant:
                    unnamedUseCors = true;
                    break;
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
