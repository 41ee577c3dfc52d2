using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CorsAnalyzers.CodeFixes.Common;

internal static class Imports
{
    /// <summary>Adds <c>using <paramref name="name"/>;</c> in sorted position, unless the file already has it.</summary>
    public static SyntaxNode AddUsing(SyntaxNode root, string name)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == name))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
            .WithTrailingTrivia(StatementInsertion.EndOfLine(unit))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var index = 0;
        while (index < unit.Usings.Count && string.CompareOrdinal(unit.Usings[index].Name?.ToString(), name) < 0 && unit.Usings[index].Alias is null && unit.Usings[index].StaticKeyword.IsKind(SyntaxKind.None))
        {
            index++;
        }

        if (unit.Usings.Count == 0 && unit.Externs.Count == 0)
        {
            // The first using of the file: a blank line separates it from the code, as in every template.
            directive = directive.WithTrailingTrivia(StatementInsertion.EndOfLine(unit), StatementInsertion.EndOfLine(unit));
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }
}
