using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Common;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.CodeFixes.Middleware;

/// <summary>The CorsPolicyBuilder lambda that allows what the hand-written headers of one place allowed, and no more.</summary>
internal static class MiddlewarePolicyText
{
    /// <summary>The policy lambda equivalent to the written headers; null when an origin cannot be expressed safely.</summary>
    public static string? From(HeaderWriteModel place, CorsKnownTypes types, ExpressionSyntax? configuredOrigins)
    {
        var text = new StringBuilder("policy => policy");
        var credentials = place.SendsCredentials;
        var origins = place.Writes.Where(w => w.Is(HeaderWriteModel.AllowOrigin)).ToList();
        var constantOrigins = origins.Where(o => o.ConstantValue is not null && o.ConstantValue.Trim() != "*").Select(o => o.ConstantValue!.Trim()).Distinct().ToList();
        var anyOrigin = origins.Any(o => o.ConstantValue?.Trim() == "*");
        var dynamic = origins.Any(o => o.ConstantValue is null);
        if (origins.Count == 0)
        {
            return null;
        }

        if (dynamic || (anyOrigin && credentials))
        {
            if (configuredOrigins is null)
            {
                return null;
            }

            text.Append(".WithOrigins(").Append(configuredOrigins.ToString()).Append(')');
        }
        else if (anyOrigin)
        {
            text.Append(".AllowAnyOrigin()");
            credentials = false;
        }
        else
        {
            text.Append(".WithOrigins(").Append(string.Join(", ", constantOrigins.Select(Literal))).Append(')');
        }

        AppendList(text, place, types, HeaderWriteModel.AllowMethods, HeaderWriteModel.RequestMethod, "AllowAnyMethod", "WithMethods");
        AppendList(text, place, types, HeaderWriteModel.AllowHeaders, HeaderWriteModel.RequestHeaders, "AllowAnyHeader", "WithHeaders");
        AppendList(text, place, types, HeaderWriteModel.ExposeHeaders, null, null, "WithExposedHeaders");
        if (credentials)
        {
            text.Append(".AllowCredentials()");
        }

        if (place.Writes.FirstOrDefault(w => w.Is(HeaderWriteModel.MaxAge))?.ConstantValue is { } maxAge
            && int.TryParse(maxAge.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            text.Append(".SetPreflightMaxAge(System.TimeSpan.FromSeconds(").Append(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("))");
        }

        return text.ToString();
    }

    private static void AppendList(StringBuilder text, HeaderWriteModel place, CorsKnownTypes types, string header, string? preflightRequest, string? any, string list)
    {
        // A value read from the preflight's Access-Control-Request-* header echoes what is asked: the middleware's Any.
        if (any is not null && preflightRequest is not null
            && place.Writes.Any(w => w.Is(header) && w.ConstantValue is null && w.Value is { } value && HeaderWriteModel.ReadsRequestHeader(value, preflightRequest, types)))
        {
            text.Append('.').Append(any).Append("()");
            return;
        }

        var values = place.Writes.Where(w => w.Is(header) && w.ConstantValue is not null)
            .SelectMany(w => w.ConstantValue!.Split(','))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (values.Count == 0)
        {
            return;
        }

        if (values.Contains("*") && any is not null)
        {
            text.Append('.').Append(any).Append("()");
            return;
        }

        text.Append('.').Append(list).Append('(').Append(string.Join(", ", values.Where(v => v != "*").Select(Literal))).Append(')');
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
