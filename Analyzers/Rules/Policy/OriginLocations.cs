using System.Collections.Generic;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

internal static class OriginLocations
{
    /// <summary>
    /// Where an origin value is written (the literal, also when it sits in a <c>const</c> elsewhere), and the call that uses it
    /// when that is another place.
    /// </summary>
    public static Location? Get(OriginValue origin, PolicyCall call, out IEnumerable<Location>? use)
    {
        use = null;
        if (origin.Operation is not { } operation)
        {
            return null;
        }

        var written = operation switch
        {
            IFieldReferenceOperation { Field: { IsConst: true } field } => DeclaredValue(field),
            ILocalReferenceOperation { Local: { IsConst: true } local } => DeclaredValue(local),
            _ => null,
        } ?? operation.Syntax.GetLocation();

        if (written.SourceTree != call.Location.SourceTree || !call.Location.SourceSpan.Contains(written.SourceSpan))
        {
            use = new[] { call.Location };
        }

        return written;
    }

    private static Location? DeclaredValue(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return value.GetLocation();
            }
        }

        return null;
    }
}
