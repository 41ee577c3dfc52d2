using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.Model;

/// <summary>Where a statement goes in a pipeline or a service registration, for the insert and move fixes.</summary>
internal readonly struct Slot
{
    public Slot(Location location, string placement, string receiver, bool discards = false)
    {
        Location = location;
        Placement = placement;
        Receiver = receiver;
        Discards = discards;
    }

    public Location Location { get; }

    public string Placement { get; }

    /// <summary>The expression the anchor calls on (<c>app</c>, <c>builder</c>, <c>services</c>).</summary>
    public string Receiver { get; }

    /// <summary>The anchor discards its call's result (<c>_ = app.UseRouting();</c>), so an inserted call does too.</summary>
    public bool Discards { get; }

    /// <summary>The statement that makes <paramref name="call"/> (<c>UseCors()</c>) on <see cref="Receiver"/>, written as the anchor is.</summary>
    public string Statement(string call) => Statement(Receiver, call, Discards);

    /// <summary><c>app.UseCors();</c>, or <c>_ = app.UseCors();</c> when the statements around it discard their results.</summary>
    public static string Statement(string receiver, string call, bool discards) => (discards ? "_ = " : string.Empty) + receiver + "." + call + ";";

    /// <summary>The properties of a diagnostic whose fix inserts <paramref name="statement"/> at this slot.</summary>
    public ImmutableDictionary<string, string?> InsertProperties(string statement) =>
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Placement, Placement).Add(DiagnosticProperties.Statement, statement);

    /// <summary>The properties of a diagnostic whose fix moves a UseCors call to this slot, onto <see cref="Receiver"/>.</summary>
    public ImmutableDictionary<string, string?> MoveProperties() =>
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Placement, Placement).Add(DiagnosticProperties.Receiver, Receiver);
}

internal static class PipelineSlots
{
    /// <summary>
    /// The correct slot for UseCors on one path: right after UseRouting; without it, before the first of
    /// authentication, authorization, caching, UseEndpoints; without those, before the first endpoint mapping or Run.
    /// </summary>
    public static Slot? ForUseCors(ImmutableArray<PipelineCall> path)
    {
        PipelineCall? before = null;
        foreach (var call in path)
        {
            switch (call.Kind)
            {
                case MiddlewareKind.UseRouting:
                    return before is null ? AtStatement(call, DiagnosticProperties.After) : AtStatement(before, DiagnosticProperties.Before);
                case MiddlewareKind.UseAuthentication or MiddlewareKind.UseAuthorization or MiddlewareKind.UseResponseCaching
                    or MiddlewareKind.UseOutputCache or MiddlewareKind.UseEndpoints:
                    before ??= call;
                    break;
            }
        }

        if (before is not null)
        {
            return AtStatement(before, DiagnosticProperties.Before);
        }

        foreach (var call in path)
        {
            var name = call.Operation.TargetMethod.Name;
            if (call.Kind == MiddlewareKind.Other && (name.StartsWith("Map", System.StringComparison.Ordinal) || name is "Run" or "RunAsync"))
            {
                return AtStatement(call, DiagnosticProperties.Before, beforeBranch: true);
            }
        }

        return null;
    }

    /// <summary>
    /// Where <c>AddCors()</c> goes: before <c>builder.Build()</c> in minimal hosting, else first in <c>ConfigureServices</c>.
    /// </summary>
    public static (Slot Slot, string Code)? ForAddCors(RegistrationModel registrations)
    {
        foreach (var build in registrations.HostBuilds)
        {
            if (build.Instance?.Syntax is IdentifierNameSyntax receiver && EnclosingStatement(build) is { } statement)
            {
                return (new Slot(statement.GetLocation(), DiagnosticProperties.Before, receiver.Identifier.ValueText), receiver.Identifier.ValueText + ".Services.AddCors();");
            }
        }

        foreach (var method in registrations.ConfigureServicesMethods)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax { Body: { } body })
                {
                    var services = method.Parameters[0].Name;
                    var slot = body.Statements.Count > 0
                        ? new Slot(body.Statements[0].GetLocation(), DiagnosticProperties.Before, services)
                        : new Slot(body.GetLocation(), DiagnosticProperties.FirstInBlock, services);
                    return (slot, services + ".AddCors();");
                }
            }
        }

        return null;
    }

    /// <summary>A slot at a call that stands alone as a statement on a plain receiver (<c>app.UseRouting();</c>).</summary>
    private static Slot? AtStatement(PipelineCall call, string placement, bool beforeBranch = false)
    {
        if (call.Statement is not { } statement || call.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } })
        {
            return null;
        }

        var anchor = statement.Syntax;
        if (beforeBranch)
        {
            // A mapping under a branch (if (IsDevelopment()) { app.MapOpenApi(); }) runs on one path only: the statement goes
            // before the branch, so that it runs on every path.
            for (var node = anchor.Parent; node is not null and not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax); node = node.Parent)
            {
                if (node is IfStatementSyntax or SwitchStatementSyntax && node.Parent is BlockSyntax or GlobalStatementSyntax)
                {
                    anchor = node;
                }
            }
        }

        return new Slot(anchor.GetLocation(), placement, receiver.Identifier.ValueText, PipelineCall.IsDiscard(statement));
    }

    private static SyntaxNode? EnclosingStatement(IOperation operation)
    {
        for (var node = operation.Syntax; node is not null; node = node.Parent)
        {
            if (node is StatementSyntax statement)
            {
                return statement.Parent is BlockSyntax or GlobalStatementSyntax ? statement : null;
            }
        }

        return null;
    }
}
