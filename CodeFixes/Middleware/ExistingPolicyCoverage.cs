using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>
/// Hand-written headers in an app whose CORS middleware already runs: whether the policy that middleware applies allows
/// every safe thing the headers allowed, so that the headers can simply go. What the headers allowed that must never be
/// folded into a policy (an echoed request origin, credentials next to any origin) is named, to be said in the title.
/// </summary>
internal static class ExistingPolicyCoverage
{
    /// <summary>Methods and request headers a browser sends without asking in a preflight.</summary>
    private static readonly HashSet<string> Safelisted = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "POST" };

    /// <summary>
    /// The policy's label (<c>policy 'spa'</c>) and what is not carried over; null when the app's one UseCors and its
    /// policy cannot be followed, or when the policy lacks something the headers allowed that could be folded safely
    /// (a listed origin, a method, a header): removing the headers would then take it away.
    /// </summary>
    public static (string Label, List<string> NotCarried, PolicyFold Fold)? Check(HeaderWriteModel place, ProjectScan scan, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (scan.UseCorsCalls.Count != 1 || !RunsForEveryRequest(scan.UseCorsCalls[0].Syntax) || !RunsForEveryRequest(place.Place.Syntax.Parent)
            || PolicyOf(scan.UseCorsCalls[0], scan, types, cancellationToken) is not { } policy)
        {
            return null;
        }

        var notCarried = new List<string>();
        var fold = new PolicyFold(policy.Lambda);
        foreach (var path in policy.Model.Paths)
        {
            if (!Covers(place, path, types, notCarried, fold))
            {
                return null;
            }
        }

        // What the headers listed beyond the policy is appended to its chain: one place to append it to, one path.
        if (!fold.IsEmpty && (policy.Model.Paths.Length != 1 || !fold.CanApply))
        {
            return null;
        }

        return (policy.Label, notCarried.Distinct(StringComparer.Ordinal).ToList(), fold);
    }

    /// <summary>
    /// A pipeline call written straight in its method or top-level code: not under a condition (<c>if (IsDevelopment())</c>)
    /// nor in a branch pipeline's lambda (<c>app.Map("/x", b => ...)</c>), where it would not run for every request.
    /// </summary>
    public static bool RunsForEveryRequest(SyntaxNode? node)
    {
        // The place of an app.Use(...) middleware is its lambda: the call that registers it is what must run everywhere.
        if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax use })
        {
            node = use;
        }
        else if (node is null or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)
        {
            // A middleware class: its registration is checked where it is removed.
            return true;
        }

        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.IfStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax:
                    return false;
                case Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax:
                    // A pipeline method or a top-level program's local function (ConfigurePipeline(app)) runs as a whole.
                    return true;
            }
        }

        return true;
    }

    private static (string Label, CorsPolicyModel Model, Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax? Lambda)? PolicyOf(IInvocationOperation useCors, ProjectScan scan, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        CorsCalls.ReferencedPolicy(useCors, cancellationToken, out var named, out var name, out var nameIsConstant);
        IOperation? configure;
        string label;
        if (!named)
        {
            configure = useCors.Arguments.Length > 1 ? useCors.Arguments[1].Value : null;
            label = "the policy of UseCors";
        }
        else
        {
            var added = scan.AddedPolicies.Where(p => p.Name == name).ToList();
            if (!nameIsConstant || added.Count != 1)
            {
                return null;
            }

            var call = added[0].Call;
            configure = call.Arguments.Length > 0 ? call.Arguments[call.Arguments.Length - 1].Value : null;
            label = name is null ? "the default policy" : $"policy '{name}'";
        }

        if (configure?.WalkDownConversion() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || PolicyModelBuilder.FromDelegate(types, lambda, lambda.Symbol, lambda.Body, cancellationToken) is not { Paths.Length: > 0 } model)
        {
            return null;
        }

        return (label, model, lambda.Syntax as Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax);
    }

    private static bool Covers(HeaderWriteModel place, PolicyState path, CorsKnownTypes types, List<string> notCarried, PolicyFold fold)
    {
        if (!path.CredentialsKnown || path.Calls.Any(static c => c.Kind == PolicyCallKind.Opaque))
        {
            return false;
        }

        // A named origin must be compared with the policy's list; '*', an echo or no origin at all leave the policy's
        // origins as they are (configured, or decided by a predicate).
        var namesOrigin = place.Writes.Any(static w => w.Is(HeaderWriteModel.AllowOrigin) && w.ConstantValue?.Trim() is { } value && value != CorsConstants.AnyOrigin);
        if (namesOrigin && (!path.OriginsKnown || path.OriginCheck is not null))
        {
            return false;
        }

        var anyOrigin = path.AnyOriginCall is not null;
        // A fallback (configured ?? new[] { "https://app.com" }) is listed only when the configured value is missing.
        var listed = new HashSet<string>(path.Origins.Where(static o => !o.Origin.IsFallback).Select(static o => o.Origin.Value?.Trim()).Where(static v => v is not null)!, StringComparer.OrdinalIgnoreCase);
        var explicitOrigin = false;
        foreach (var write in place.Writes.Where(static w => w.Is(HeaderWriteModel.AllowOrigin)))
        {
            var value = write.ConstantValue?.Trim();
            if (value is null)
            {
                // An echoed or computed origin is never folded into a policy.
                notCarried.Add("the echoed request origin");
                continue;
            }

            if (value == CorsConstants.AnyOrigin && !anyOrigin)
            {
                // The policy names its origins: the wildcard is what the app's own policy chose not to allow.
                notCarried.Add("any origin");
                continue;
            }

            if (value != CorsConstants.AnyOrigin && !(anyOrigin || listed.Contains(value)))
            {
                return false;
            }

            explicitOrigin |= value != CorsConstants.AnyOrigin;
        }

        if (place.SendsCredentials && path.Credentials is null)
        {
            if (!anyOrigin && explicitOrigin)
            {
                return false;
            }

            // With any origin, or only for an echoed origin, credentials are what must stay out.
            notCarried.Add("credentials");
        }

        return CoversList(place, path, types, HeaderWriteModel.AllowMethods, HeaderWriteModel.RequestMethod, PolicyCallKind.AllowAnyMethod, PolicyCallKind.WithMethods, Safelisted, fold.Methods, notCarried)
            && CoversList(place, path, types, HeaderWriteModel.AllowHeaders, HeaderWriteModel.RequestHeaders, PolicyCallKind.AllowAnyHeader, PolicyCallKind.WithHeaders, null, fold.Headers, notCarried)
            && CoversList(place, path, types, HeaderWriteModel.ExposeHeaders, null, null, PolicyCallKind.WithExposedHeaders, null, fold.ExposedHeaders, notCarried);
    }

    /// <summary>
    /// The policy allows every method (or header) the writes listed: "any", or each one by name; a listed name it lacks
    /// goes to <paramref name="missing"/>, to be added to the policy. False for a computed list that cannot be compared.
    /// </summary>
    private static bool CoversList(HeaderWriteModel place, PolicyState path, CorsKnownTypes types, string header, string? preflightRequest, PolicyCallKind? anyKind, PolicyCallKind listKind, HashSet<string>? alwaysAllowed, List<string> missing, List<string> notCarried)
    {
        var any = false;
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var call in path.Calls)
        {
            if (call.Kind == anyKind)
            {
                any = true;
            }
            else if (call.Kind == listKind)
            {
                if (Constants(call.Operation) is not { } values)
                {
                    return false;
                }

                allowed.UnionWith(values);
            }
        }

        foreach (var write in place.Writes.Where(w => w.Is(header)))
        {
            if (write.ConstantValue is null)
            {
                // Echoing the preflight's request is what "any" does; any other computed list cannot be compared.
                if (!(any && preflightRequest is not null && write.Value is { } value && HeaderWriteModel.ReadsRequestHeader(value, preflightRequest, types)))
                {
                    return false;
                }

                continue;
            }

            foreach (var entry in write.ConstantValue.Split(',').Select(static v => v.Trim()).Where(static v => v.Length > 0))
            {
                // "*" means any only without credentials, and a name with spaces or separators matches no request.
                if (any || allowed.Contains(entry) || (alwaysAllowed?.Contains(entry) ?? false)
                    || string.Equals(entry, "OPTIONS", StringComparison.OrdinalIgnoreCase) || !PolicyFold.IsToken(entry))
                {
                    continue;
                }

                if (entry == "*" && listKind == PolicyCallKind.WithExposedHeaders)
                {
                    // Exposing every header is a finding of its own (CORS022): never folded in, and the title says so.
                    notCarried.Add("every response header exposed");
                    continue;
                }

                if (!missing.Contains(entry, StringComparer.OrdinalIgnoreCase))
                {
                    missing.Add(entry);
                }
            }
        }

        return true;
    }

    /// <summary>The constant strings a <c>WithMethods</c>/<c>WithHeaders</c> call passes; null when one is not constant.</summary>
    private static List<string>? Constants(IOperation call)
    {
        if (call is not IInvocationOperation invocation)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WalkDownConversion();
            var elements = value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : (IEnumerable<IOperation>)new[] { value };
            foreach (var element in elements)
            {
                if (element.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return null;
                }

                values.Add(text.Trim());
            }
        }

        return values;
    }
}
