using System;
using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Header;

/// <summary>
/// CORS022 for hand-written headers: <c>Access-Control-Expose-Headers</c>, <c>-Allow-Headers</c> or <c>-Allow-Methods</c>
/// with a <c>*</c> entry, written where <c>Access-Control-Allow-Credentials: true</c> is written too. With credentials the
/// browser reads <c>*</c> as a literal name (GROUND_TRUTH 37).
/// </summary>
internal static class WildcardHeaderWithCredentialsRule
{
    public static void Check(HeaderWrite write, RuleContext context)
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
