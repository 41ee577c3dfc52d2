using System;
using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Header;

/// <summary>CORS018: Access-Control-Allow-Origin: * written next to Access-Control-Allow-Credentials: true.</summary>
internal static class WildcardOriginWithCredentialsHeaderRule
{
    public static void Check(HeaderWrite write, RuleContext context)
    {
        var place = write.Place;
        if (!write.Is(HeaderWriteModel.AllowOrigin) || write.ConstantValue?.Trim() != CorsConstants.AnyOrigin || !place.SendsCredentials)
        {
            return;
        }

        foreach (var other in place.Writes)
        {
            if (other.Is(HeaderWriteModel.AllowCredentials))
            {
                context.Report(Diagnostic.Create(DiagnosticDescriptors.WildcardOriginWithCredentialsHeader, write.Operation.Syntax.GetLocation(), (IEnumerable<Location>)new[] { other.Operation.Syntax.GetLocation() }));
                return;
            }
        }
    }
}
