using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.Rules.Pipeline;

/// <summary>
/// CORS025: a UseCors of a WebApplication pipeline that no UseAuthorization() follows, in an app that registers the
/// authorization services and has an endpoint that requires authorization: WebApplication then runs authentication and
/// authorization itself before the whole pipeline (GROUND_TRUTH 41-45). Decided on the app's entry-point pipelines, where
/// the project's helpers are followed; the finding must hold on every path of every such pipeline that reaches the call.
/// </summary>
internal static class AuthorizationBeforeCorsRule
{
    public static void Check(RegistrationModel model, RuleContext context)
    {
        var webApplication = context.Types.Authorization.WebApplication;
        if (!context.IsApp || webApplication is null || !model.AuthorizationServicesRegistered || model.AuthorizationRequirements.Count == 0
            || model.PipelineUnknown || model.CorsCallUnbound || model.AuthorizationCallUnbound)
        {
            return;
        }

        AuthorizationRequirement? fallback = null;
        foreach (var requirement in model.AuthorizationRequirements)
        {
            if (requirement.IsFallback)
            {
                fallback ??= requirement;
            }
        }

        var verdicts = new Dictionary<SyntaxNode, Verdict>();
        var order = new List<PipelineCall>();
        foreach (var pipeline in model.Pipelines)
        {
            if (!pipeline.IsEntryPoint)
            {
                continue;
            }

            foreach (var path in pipeline.Paths)
            {
                for (var i = 0; i < path.Length; i++)
                {
                    if (path[i].Kind != MiddlewareKind.UseCors || !IsOnWebApplication(path[i], webApplication))
                    {
                        continue;
                    }

                    var finding = IsFinding(path, i, fallback is not null);
                    var insertion = finding ? FindInsertion(path, i, model.AuthenticationServicesRegistered) : null;
                    if (!verdicts.TryGetValue(path[i].Operation.Syntax, out var verdict))
                    {
                        order.Add(path[i]);
                        verdicts[path[i].Operation.Syntax] = new Verdict(finding, insertion);
                    }
                    else
                    {
                        verdict.Add(finding, insertion);
                    }
                }
            }
        }

        foreach (var useCors in order)
        {
            var verdict = verdicts[useCors.Operation.Syntax];
            if (!verdict.Finding)
            {
                continue;
            }

            var requirement = fallback ?? model.AuthorizationRequirements[0];
            var locations = new List<Location> { requirement.Location };
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (verdict.Insertion is { } insertion)
            {
                locations.Add(insertion.Anchor.GetLocation());
                properties = properties.Add(DiagnosticProperties.Placement, DiagnosticProperties.After).Add(DiagnosticProperties.Statements, insertion.Statements);
            }

            context.Report(Diagnostic.Create(DiagnosticDescriptors.AuthorizationBeforeCors, useCors.Operation.GetCallLocation(), locations, properties, Consequence(model, fallback is not null)));
        }
    }

    /// <summary>
    /// Not when the path runs UseAuthorization (after UseCors it is right; before it CORS012 reports the order), another
    /// UseCors later (that one is judged), UseEndpoints before it (CORS012), or code the model cannot see. With an explicit
    /// UseRouting the automatic authorization runs before routing and sees no endpoint: an endpoint's own requirement then
    /// fails every request with the framework's 500, same-origin ones too; only a fallback policy still challenges preflights.
    /// </summary>
    private static bool IsFinding(ImmutableArray<PipelineCall> path, int useCors, bool hasFallback)
    {
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i].Kind)
            {
                case MiddlewareKind.Unknown or MiddlewareKind.UseAuthorization:
                    return false;
                case MiddlewareKind.UseCors when i > useCors:
                    return false;
                case MiddlewareKind.UseEndpoints when i < useCors:
                    return false;
                case MiddlewareKind.UseRouting when !hasFallback:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where UseAuthentication/UseAuthorization go on this path: after UseCors, after an explicit UseRouting and after a
    /// UseAuthentication that follow it; as a statement of the root body (after the helper that makes the call). Null when
    /// that statement is not a plain call or its helper runs UseEndpoints after it.
    /// </summary>
    private static Insertion? FindInsertion(ImmutableArray<PipelineCall> path, int useCors, bool authenticationRegistered)
    {
        var last = useCors;
        var hasAuthentication = false;
        for (var i = 0; i < path.Length; i++)
        {
            hasAuthentication |= path[i].Kind == MiddlewareKind.UseAuthentication;
            if (i > last && path[i].Kind is MiddlewareKind.UseRouting or MiddlewareKind.UseAuthentication)
            {
                last = i;
            }
        }

        var entry = path[last].Entry;
        for (var i = last + 1; i < path.Length && path[i].Entry.Syntax == entry.Syntax; i++)
        {
            if (path[i].Kind == MiddlewareKind.UseEndpoints)
            {
                return null;
            }
        }

        if (PipelineCall.StandaloneStatement(entry) is not { Syntax: ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement } standalone
            || entry.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } })
        {
            return null;
        }

        // Written as the statement they follow is: a discarded result (_ = app.UseCors();) is discarded here too.
        var app = receiver.Identifier.ValueText;
        var discards = PipelineCall.IsDiscard(standalone);
        var statements = Slot.Statement(app, "UseAuthorization()", discards);
        if (authenticationRegistered && !hasAuthentication)
        {
            statements = Slot.Statement(app, "UseAuthentication()", discards) + "\n" + statements;
        }

        return new Insertion(statement, statements);
    }

    /// <summary>The call is made on a WebApplication: the app the root body passes (to the call itself or to the helper that makes it).</summary>
    private static bool IsOnWebApplication(PipelineCall call, INamedTypeSymbol webApplication)
    {
        var entry = call.Entry;
        var app = entry.Instance ?? (entry.Arguments.Length > 0 ? entry.Arguments[0].Value : null);
        return app is not null && SymbolEqualityComparer.Default.Equals(app.WalkDownConversion().Type, webApplication);
    }

    private static string Consequence(RegistrationModel model, bool hasFallback)
    {
        if (hasFallback)
        {
            return "the fallback policy challenges every preflight request, without CORS headers, so every cross-origin call that needs a preflight fails";
        }

        foreach (var reference in model.References)
        {
            if (reference.Kind is PolicyReferenceKind.RequireCors or PolicyReferenceKind.RequireCorsInline or PolicyReferenceKind.EnableCors)
            {
                return "preflight requests to endpoints that require authorization get the challenge instead of CORS headers, so those cross-origin calls fail";
            }
        }

        return "the 401/302 answers of endpoints that require authorization carry no CORS headers, so the page cannot tell that the user is signed out";
    }

    private sealed class Insertion
    {
        public Insertion(SyntaxNode anchor, string statements)
        {
            Anchor = anchor;
            Statements = statements;
        }

        public SyntaxNode Anchor { get; }

        public string Statements { get; }
    }

    private sealed class Verdict
    {
        public Verdict(bool finding, Insertion? insertion)
        {
            Finding = finding;
            Insertion = insertion;
        }

        /// <summary>False once a path reaches the call where it is no finding.</summary>
        public bool Finding { get; private set; }

        /// <summary>The insertion every path agrees on; null when none is right.</summary>
        public Insertion? Insertion { get; private set; }

        public void Add(bool finding, Insertion? insertion)
        {
            Finding &= finding;
            if (Insertion is not null && (insertion is null || insertion.Anchor != Insertion.Anchor || insertion.Statements != Insertion.Statements))
            {
                Insertion = null;
            }
        }
    }
}
