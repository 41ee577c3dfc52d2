using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS022 for policies: <c>WithExposedHeaders("*")</c> with <c>AllowCredentials()</c> in force. With credentials the browser
/// reads <c>*</c> as a header named <c>*</c> (GROUND_TRUTH 37); names listed beside it stay readable.
/// <c>AllowAnyHeader()</c>/<c>AllowAnyMethod()</c> (and <c>WithHeaders("*")</c>/<c>WithMethods("*")</c>, which are the same)
/// are echoed by the middleware and are fine.
/// </summary>
internal static class WildcardExposedHeadersRule
{
    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.Credentials is not { } credentials)
            {
                continue;
            }

            PolicyCall? wildcard = null;
            var named = 0;
            foreach (var call in path.Calls)
            {
                if (call.Kind == PolicyCallKind.Opaque)
                {
                    // ExposedHeaders is only ever appended to; whatever the unseen code adds, a "*" before it stays.
                    continue;
                }

                if (call.Kind != PolicyCallKind.WithExposedHeaders || call.Operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                foreach (var header in OriginArguments.Read(invocation.Arguments, context.CancellationToken))
                {
                    if (header.Value?.Trim() == "*")
                    {
                        wildcard ??= call;
                    }
                    else
                    {
                        named++;
                    }
                }
            }

            if (wildcard is not null)
            {
                var consequence = named == 0
                    ? "the page can read no response header beyond the CORS-safelisted ones"
                    : "only the headers named beside it are readable";
                context.Report(DiagnosticDescriptors.WildcardHeaderListWithCredentials, wildcard.Location, new[] { credentials.Location }, messageArgs: consequence);
            }
        }
    }
}
