using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Header;

/// <summary>CORS017: Access-Control-Allow-Origin set to the request's Origin without checking it.</summary>
internal static class RequestOriginReflectedRule
{
    public static void Check(HeaderWrite write, RuleContext context)
    {
        var place = write.Place;
        if (write.Is(HeaderWriteModel.AllowOrigin) && write.EchoesOrigin && !write.OriginChecked)
        {
            var credentials = place.SendsCredentials ? ", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user" : ": every website is allowed";
            context.Report(Diagnostic.Create(DiagnosticDescriptors.RequestOriginReflected, write.Operation.Syntax.GetLocation(), credentials));
        }
    }
}
