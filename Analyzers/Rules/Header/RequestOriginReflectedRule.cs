using System;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Header;

/// <summary>CORS017: Access-Control-Allow-Origin set to the request's Origin without checking it.</summary>
internal static class RequestOriginReflectedRule
{
    public static void Check(HeaderWrite write, HeaderWriteModel place, Action<Diagnostic> report)
    {
        if (write.Is(HeaderWriteModel.AllowOrigin) && write.EchoesOrigin && !write.OriginChecked)
        {
            var credentials = place.SendsCredentials ? ", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user" : ": every website is allowed";
            report(Diagnostic.Create(DiagnosticDescriptors.RequestOriginReflected, write.Operation.Syntax.GetLocation(), credentials));
        }
    }
}
