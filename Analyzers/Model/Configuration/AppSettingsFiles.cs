using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Model;

/// <summary>
/// The appsettings.json and appsettings.&lt;Environment&gt;.json files given to the compiler as additional files, each
/// parsed once (at compilation end, when the configured values of every policy are known).
/// </summary>
internal sealed class AppSettingsFiles
{
    private const string DevelopmentEnvironment = "Development";

    private AppSettingsFiles(ImmutableArray<AdditionalText> files)
    {
        Files = files;
    }

    public ImmutableArray<AdditionalText> Files { get; }

    /// <summary>The appsettings files among the additional files; null when there are none.</summary>
    public static AppSettingsFiles? From(ImmutableArray<AdditionalText> additionalFiles)
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var file in additionalFiles)
        {
            if (EnvironmentOf(file.Path) is not null)
            {
                files.Add(file);
            }
        }

        return files.Count == 0 ? null : new AppSettingsFiles(files.ToImmutable());
    }

    /// <summary>
    /// The environment an appsettings file belongs to: "" for appsettings.json, "Production" for appsettings.Production.json;
    /// null for any other file. File names compare case-insensitively.
    /// </summary>
    public static string? EnvironmentOf(string path)
    {
        var name = Path.GetFileName(path);
        const string Prefix = "appsettings";
        const string Suffix = ".json";
        if (name.Length < Prefix.Length + Suffix.Length
            || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var middle = name.Substring(Prefix.Length, name.Length - Prefix.Length - Suffix.Length);
        if (middle.Length == 0)
        {
            return string.Empty;
        }

        return middle.Length > 1 && middle[0] == '.' && middle.IndexOf('.', 1) < 0 ? middle.Substring(1) : null;
    }

    /// <summary>Each file with a value in it, parsed.</summary>
    public IEnumerable<AppSettingsFile> Parse(CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            if (file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            var values = AppSettingsJson.Parse(text.ToString());
            if (values.Count > 0)
            {
                var environment = EnvironmentOf(file.Path)!;
                yield return new AppSettingsFile(file.Path, text, values, string.Equals(environment, DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

/// <summary>One parsed appsettings file.</summary>
internal sealed class AppSettingsFile
{
    private readonly Dictionary<string, SettingsValue> _values;

    public AppSettingsFile(string path, SourceText text, Dictionary<string, SettingsValue> values, bool isDevelopment)
    {
        Path = path;
        Text = text;
        _values = values;
        IsDevelopment = isDevelopment;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public SourceText Text { get; }

    /// <summary>appsettings.Development.json.</summary>
    public bool IsDevelopment { get; }

    public Location LocationOf(TextSpan span) => Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));

    /// <summary>The values a use reads from this file: the entries of a list, the value, or the parts of a split value.</summary>
    public List<SettingsEntry> EntriesOf(ConfiguredValueUse use)
    {
        var entries = new List<SettingsEntry>();
        if (use.Shape == ConfiguredShape.List)
        {
            var prefix = use.Key + ":";
            foreach (var value in _values.Values)
            {
                if (value.Key.Length > prefix.Length && value.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsIndex(value.Key, prefix.Length))
                {
                    entries.Add(new SettingsEntry(value.Key, value.Value, value.Span));
                }
            }

            return entries;
        }

        if (!_values.TryGetValue(use.Key, out var single))
        {
            return entries;
        }

        if (use.Split is not { } split)
        {
            entries.Add(new SettingsEntry(single.Key, single.Value, single.Span));
            return entries;
        }

        if (split.Separators.IsEmpty)
        {
            return entries;
        }

        var start = 0;
        var text = single.Value;
        while (start <= text.Length)
        {
            var (end, separatorLength) = NextSeparator(text, start, split.Separators);
            var part = text.Substring(start, end - start);
            var offset = start;
            if (split.Trims)
            {
                var trimmed = part.TrimStart();
                offset += part.Length - trimmed.Length;
                part = trimmed.TrimEnd();
            }

            if (part.Trim().Length > 0)
            {
                entries.Add(new SettingsEntry(single.Key, part, single.PartSpan(offset, part.Length)));
            }

            if (separatorLength == 0)
            {
                break;
            }

            start = end + separatorLength;
        }

        return entries;
    }

    private static (int End, int SeparatorLength) NextSeparator(string text, int start, ImmutableArray<string> separators)
    {
        var best = text.Length;
        var length = 0;
        foreach (var separator in separators)
        {
            if (separator.Length == 0)
            {
                continue;
            }

            var index = text.IndexOf(separator, start, StringComparison.Ordinal);
            if (index >= 0 && index < best)
            {
                best = index;
                length = separator.Length;
            }
        }

        return (best, length);
    }

    private static bool IsIndex(string key, int start)
    {
        for (var i = start; i < key.Length; i++)
        {
            if (key[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One configured value as a policy reads it: a list entry, a value, or a part of a split value.</summary>
internal readonly struct SettingsEntry
{
    public SettingsEntry(string key, string text, TextSpan span)
    {
        Key = key;
        Text = text;
        Span = span;
    }

    public string Key { get; }

    public string Text { get; }

    public TextSpan Span { get; }
}
