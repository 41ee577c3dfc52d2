using System;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Header;

/// <summary>
/// CORS028: a hand-written <c>Access-Control-Allow-Credentials</c> meant as true but not exactly <c>true</c>:
/// <c>"True"</c>, <c>true.ToString()</c>, <c>bool.TrueString</c>, a <c>bool</c> formatted into the value. Browsers compare
/// the value case-sensitively and block every credentialed request (GROUND_TRUTH 48). Independent of CORS016.
/// </summary>
internal static class CredentialsValueNotTrueRule
{
    public static void Check(HeaderWrite write, RuleContext context)
    {
        var place = write.Place;
        if (!write.Is(HeaderWriteModel.AllowCredentials) || write.Value is not { } value || Describe(write, value) is not { } sent)
        {
            return;
        }

        context.Report(Diagnostic.Create(DiagnosticDescriptors.CredentialsValueNotTrue, value.WalkDownConversion().Syntax.GetLocation(), sent));
    }

    /// <summary>How the value is sent when it is true in some spelling other than <c>true</c>; null when it is <c>true</c> or unknown.</summary>
    private static string? Describe(HeaderWrite write, IOperation value)
    {
        if (write.ConstantValue is { } text)
        {
            var trimmed = text.Trim();
            return trimmed != "true" && string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase) ? $"'{text}'" : null;
        }

        value = value.WalkDownConversion();
        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when IsBool(instance.Type):
                return "'True' or 'False' (bool.ToString())";
            case IInvocationOperation { TargetMethod: { Name: "ToString", IsStatic: true, ContainingType.Name: "Convert" } method, Arguments.Length: >= 1 } convert
                when method.ContainingType.ContainingNamespace?.Name == "System" && IsBool(convert.Arguments[0].Value.WalkDownConversion().Type):
                return "'True' or 'False' (Convert.ToString(bool))";
            case IFieldReferenceOperation { Field: { Name: "TrueString", IsStatic: true } field } when IsBool(field.ContainingType):
                return "'True' (bool.TrueString)";
            case IInterpolatedStringOperation interpolated when FormatsBool(interpolated):
                return "'True' or 'False' (a bool formatted into the string)";
            default:
                return null;
        }
    }

    /// <summary>An interpolated string made of one formatted <c>bool</c> and no other non-blank text.</summary>
    private static bool FormatsBool(IInterpolatedStringOperation interpolated)
    {
        var formatsBool = false;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolationOperation { Expression: { } expression } when IsBool(expression.WalkDownConversion().Type):
                    formatsBool = true;
                    break;
                case IInterpolatedStringTextOperation { Text: { } text } when text.ConstantValue.Value is string literal && literal.Trim().Length == 0:
                    break;
                default:
                    return false;
            }
        }

        return formatsBool;
    }

    private static bool IsBool(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;
}
