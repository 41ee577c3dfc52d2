using System;
using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS001: a path on which the final origin list is exactly "*" and credentials are allowed.</summary>
internal static class AnyOriginWithCredentialsRule
{
    public static void Check(CorsPolicyModel policy, Action<Diagnostic> report)
    {
        List<(PolicyCall AnyOrigin, PolicyCall Credentials)>? reported = null;
        foreach (var path in policy.Paths)
        {
            if (path.AnyOriginCall is not { } anyOrigin || path.Credentials is not { } credentials)
            {
                continue;
            }

            reported ??= new List<(PolicyCall, PolicyCall)>();
            if (reported.Contains((anyOrigin, credentials)))
            {
                continue;
            }

            reported.Add((anyOrigin, credentials));
            report(Diagnostic.Create(
                DiagnosticDescriptors.AnyOriginWithCredentials,
                anyOrigin.Location,
                additionalLocations: new[] { credentials.Location },
                messageArgs: Describe(anyOrigin)));
        }
    }

    private static string Describe(PolicyCall anyOrigin) =>
        anyOrigin.Kind == PolicyCallKind.AllowAnyOrigin ? "AllowAnyOrigin()" : "the origin \"*\"";
}
