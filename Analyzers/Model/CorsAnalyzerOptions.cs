using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Model;

/// <summary>A typed <c>.editorconfig</c> option of the package.</summary>
internal sealed class CorsOption<T>
{
    private readonly Func<string, (bool Parsed, T Value)> _parse;

    public CorsOption(string key, T defaultValue, Func<string, (bool Parsed, T Value)> parse)
    {
        Key = key;
        DefaultValue = defaultValue;
        _parse = parse;
    }

    public string Key { get; }

    public T DefaultValue { get; }

    public T GetValue(AnalyzerOptions options, SyntaxTree tree)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(Key, out var text))
        {
            var (parsed, value) = _parse(text.Trim());
            if (parsed)
            {
                return value;
            }
        }

        return DefaultValue;
    }
}

/// <summary>Every option the package reads.</summary>
internal static class CorsAnalyzerOptions
{
    /// <summary>Report CORS002, CORS003, CORS005, CORS006 and CORS021 in development-only code too.</summary>
    public static readonly CorsOption<bool> ReportInDevelopment = new(
        "cors_analyzers.report_in_development",
        false,
        static text => bool.TryParse(text, out var value) ? (true, value) : (false, false));
}
