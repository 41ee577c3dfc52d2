using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules.Header;

/// <summary>CORS016: CORS headers written by hand; reported once per place, on its primary write, with the others as additional locations.</summary>
internal static class HandWrittenCorsHeadersRule
{
    public static void Check(HeaderWrite write, RuleContext context)
    {
        var place = write.Place;
        if (!ReferenceEquals(Primary(place), write))
        {
            return;
        }

        var others = new List<Location>();
        var names = new List<string>();
        foreach (var other in place.Writes)
        {
            if (!names.Contains(other.Header))
            {
                names.Add(other.Header);
            }

            if (!ReferenceEquals(other, write))
            {
                others.Add(other.Operation.Syntax.GetLocation());
            }
        }

        context.Report(Diagnostic.Create(DiagnosticDescriptors.HandWrittenCorsHeaders, write.Operation.Syntax.GetLocation(), others, string.Join(", ", names)));
    }

    /// <summary>The first Allow-Origin write, else the first write that is not Expose-Headers.</summary>
    private static HeaderWrite? Primary(HeaderWriteModel place)
    {
        HeaderWrite? first = null;
        foreach (var write in place.Writes)
        {
            if (write.Is(HeaderWriteModel.AllowOrigin))
            {
                return write;
            }

            if (first is null && !write.Is(HeaderWriteModel.ExposeHeaders))
            {
                first = write;
            }
        }

        return first;
    }
}
