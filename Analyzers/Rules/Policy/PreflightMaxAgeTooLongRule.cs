using System;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules.Policy;

/// <summary>CORS009: SetPreflightMaxAge with a constant above Chromium's 2-hour cap.</summary>
internal static class PreflightMaxAgeTooLongRule
{
    /// <summary>Chromium's cap on Access-Control-Max-Age, in seconds.</summary>
    public const double BrowserLimitSeconds = 7200;

    public static void Check(PolicyAnalysis policy, RuleContext context)
    {
        foreach (var path in policy.Paths)
        {
            if (path.PreflightMaxAge?.Operation is IInvocationOperation { Arguments.Length: 1 } call
                && Seconds(call.Arguments[0].Value, context.Types) is { } seconds
                && seconds > BrowserLimitSeconds)
            {
                context.Report(DiagnosticDescriptors.PreflightMaxAgeTooLong, call.Arguments[0].Syntax.GetLocation(), messageArgs: seconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The constant length of a TimeSpan expression (TimeSpan.FromX(const), new TimeSpan(...), TimeSpan.MaxValue), in seconds.</summary>
    private static double? Seconds(IOperation value, CorsKnownTypes types)
    {
        value = value.WalkDownConversion();
        switch (value)
        {
            case IInvocationOperation { Arguments.Length: 1 } invocation when IsTimeSpan(invocation.TargetMethod.ContainingType, types) && invocation.TargetMethod.IsStatic:
                if (invocation.Arguments[0].Value.WalkDownConversion().ConstantValue is not { HasValue: true, Value: { } constant })
                {
                    return null;
                }

                var amount = Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
                return invocation.TargetMethod.Name switch
                {
                    "FromSeconds" => amount,
                    "FromMinutes" => amount * 60,
                    "FromHours" => amount * 3600,
                    "FromDays" => amount * 86400,
                    "FromMilliseconds" => amount / 1000,
                    _ => null,
                };
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type, types):
                var parts = new double[creation.Arguments.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    if (creation.Arguments[i].Value.WalkDownConversion().ConstantValue is not { HasValue: true, Value: { } part })
                    {
                        return null;
                    }

                    parts[i] = Convert.ToDouble(part, System.Globalization.CultureInfo.InvariantCulture);
                }

                return parts.Length switch
                {
                    3 => (parts[0] * 3600) + (parts[1] * 60) + parts[2],
                    4 or 5 => (parts[0] * 86400) + (parts[1] * 3600) + (parts[2] * 60) + parts[3],
                    _ => null,
                };
            case IFieldReferenceOperation { Field.Name: "MaxValue" } field when IsTimeSpan(field.Field.ContainingType, types):
                return TimeSpan.MaxValue.TotalSeconds;
            default:
                return null;
        }
    }

    private static bool IsTimeSpan(ITypeSymbol? type, CorsKnownTypes types) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, types.TimeSpan);
}
