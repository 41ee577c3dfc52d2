using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;
using System.Collections.Generic;
using System;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>
/// CORS022: a <c>*</c> entry in a header or method list where credentials are allowed. With credentials the browser reads
/// <c>*</c> as a literal name (GROUND_TRUTH 37); names listed beside it stay readable. For policies:
/// <c>WithExposedHeaders("*")</c> with <c>AllowCredentials()</c> in force (<c>AllowAnyHeader()</c>/<c>AllowAnyMethod()</c>,
/// and <c>WithHeaders("*")</c>/<c>WithMethods("*")</c>, which are the same, are echoed by the middleware and are fine). For
/// hand-written headers: <c>Access-Control-Expose-Headers</c>, <c>-Allow-Headers</c> or <c>-Allow-Methods</c> with a
/// <c>*</c> entry, written where <c>Access-Control-Allow-Credentials: true</c> is written too.
/// </summary>
internal static class WildcardHeaderListWithCredentialsRule
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

    public static void CheckHeader(HeaderWrite write, RuleContext context)
    {
        var model = write.Place;
        if (!(write.Is(HeaderWriteModel.ExposeHeaders) || write.Is(HeaderWriteModel.AllowHeaders) || write.Is(HeaderWriteModel.AllowMethods))
            || write.ConstantValue is not { } value || !model.SendsCredentials)
        {
            return;
        }

        var wildcard = false;
        var named = false;
        foreach (var entry in value.Split(','))
        {
            var name = entry.Trim();
            wildcard |= name == "*";
            named |= name.Length > 0 && name != "*";
        }

        if (!wildcard || Credentials(model) is not { } credentials)
        {
            return;
        }

        context.Report(Diagnostic.Create(
            DiagnosticDescriptors.WildcardHeaderWithCredentialsHeader,
            write.Operation.Syntax.GetLocation(),
            (IEnumerable<Location>)new[] { credentials.Operation.Syntax.GetLocation() },
            write.Header,
            Consequence(write, named)));
    }

    private static HeaderWrite? Credentials(HeaderWriteModel model)
    {
        foreach (var other in model.Writes)
        {
            if (other.Is(HeaderWriteModel.AllowCredentials) && string.Equals(other.ConstantValue?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return other;
            }
        }

        return null;
    }

    private static string Consequence(HeaderWrite write, bool named)
    {
        if (write.Is(HeaderWriteModel.ExposeHeaders))
        {
            return named ? "only the headers named beside it are readable" : "the page can read no response header beyond the CORS-safelisted ones";
        }

        if (write.Is(HeaderWriteModel.AllowHeaders))
        {
            return named
                ? "preflights that ask for any other request header fail"
                : "every preflight that asks for a request header (such as Content-Type: application/json or Authorization) fails";
        }

        return named ? "preflights for any other method fail" : "every preflight for PUT, PATCH, DELETE or another non-simple method fails";
    }
}
