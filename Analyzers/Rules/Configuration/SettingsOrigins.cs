using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using CorsAnalyzers.Model;
using CorsAnalyzers.Rules.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Rules.Configuration;

/// <summary>
/// The origins a policy reads from configuration, checked against the values in the appsettings.json and
/// appsettings.&lt;Environment&gt;.json files given to the compiler as additional files: CORS007 (an origin that never
/// matches), CORS005 ("null"), CORS003 ("*"), CORS001 ("*" with credentials), CORS006 (http:// with credentials).
/// Policies are collected as they are analyzed and the files are read once, at compilation end.
/// </summary>
internal sealed class SettingsOrigins
{
    private const string DevelopmentEnvironment = "Development";

    private readonly ImmutableArray<AdditionalText> _files;
    private readonly ConcurrentBag<Use> _uses = new();

    private SettingsOrigins(ImmutableArray<AdditionalText> files)
    {
        _files = files;
    }

    /// <summary>A collector when the compilation has appsettings files (and the end action that reports); null otherwise.</summary>
#pragma warning disable RS1013 // The policy analyzer registers its operation actions on the same start context.
    public static SettingsOrigins? Start(CompilationStartAnalysisContext context)
#pragma warning restore RS1013
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (EnvironmentOf(file.Path) is not null)
            {
                files.Add(file);
            }
        }

        if (files.Count == 0)
        {
            return null;
        }

        var settings = new SettingsOrigins(files.ToImmutable());
        context.RegisterCompilationEndAction(settings.Report);
        return settings;
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

    /// <summary>Records the configured origins of one <c>WithOrigins</c> call on one path of a policy.</summary>
    public void Collect(PolicyState path, PolicyCall call, ImmutableArray<ConfigurationRead> reads, PolicyRuleContext context)
    {
        var inFinalList = false;
        var known = 0;
        foreach (var (origin, originCall) in path.Origins)
        {
            inFinalList |= ReferenceEquals(originCall, call);
            known += origin.Value is null ? 0 : 1;
        }

        if (!inFinalList)
        {
            // AllowAnyOrigin() or something the model cannot see replaced the list later on this path.
            return;
        }

        var sole = path.OriginsKnown && path.Origins.Length == 1 && reads.Length == 1;
        var developmentCode = path.IsDevelopment || DevelopmentOnly.IsInDebugRegion(call.Operation.Syntax);
        foreach (var read in reads)
        {
            if (read.Key is { } key && !read.ValuesTransformed && !string.Equals(key, ConfigurationReadRules.AllowedHostsKey, StringComparison.OrdinalIgnoreCase))
            {
                _uses.Add(new Use(key, read, path.Credentials is not null, developmentCode, context.ReportsInDevelopment, sole, known, read.Read.Syntax.GetLocation()));
            }
        }
    }

    /// <summary>Records the configured names of one <c>WithMethods</c>, <c>WithHeaders</c> or <c>WithExposedHeaders</c> call (CORS024).</summary>
    public void CollectNames(PolicyCall call, ImmutableArray<ConfigurationRead> reads)
    {
        foreach (var read in reads)
        {
            if (read.Key is { } key)
            {
                _uses.Add(new Use(key, read, false, false, false, false, 0, read.Read.Syntax.GetLocation(), call.Kind));
            }
        }
    }

    private void Report(CompilationAnalysisContext context)
    {
        if (_uses.IsEmpty)
        {
            return;
        }

        var reported = new HashSet<(string Id, string Path, TextSpan Span)>();
        foreach (var file in _files)
        {
            var environment = EnvironmentOf(file.Path)!;
            var developmentFile = string.Equals(environment, DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase);
            if (file.GetText(context.CancellationToken) is not { } text)
            {
                continue;
            }

            var values = AppSettingsJson.Parse(text.ToString());
            if (values.Count == 0)
            {
                continue;
            }

            var fileName = Path.GetFileName(file.Path);
            foreach (var use in _uses)
            {
                var entries = Entries(use, values);
                foreach (var entry in entries)
                {
                    var finding = use.NamesOf is { } names
                        ? CheckName(names, entry, fileName)
                        : Check(use, entry, entries.Count, developmentFile, fileName);
                    if (finding is { } found && reported.Add((found.Descriptor.Id, file.Path, entry.Span)))
                    {
                        var location = Location.Create(file.Path, entry.Span, text.Lines.GetLinePositionSpan(entry.Span));
                        context.ReportDiagnostic(Diagnostic.Create(found.Descriptor, location, new[] { use.ReadLocation }, found.Properties, found.Arguments));
                    }
                }
            }
        }
    }

    /// <summary>CORS024: a method or header entry that holds a comma.</summary>
    private static (DiagnosticDescriptor Descriptor, ImmutableDictionary<string, string?>? Properties, object?[] Arguments)? CheckName(
        PolicyCallKind names, Entry entry, string fileName) =>
        entry.Text.IndexOf(',') < 0
            ? null
            : (DiagnosticDescriptors.CommaJoinedListInSettings, null, new object?[]
            {
                entry.Text, $"{fileName}, {entry.Key}", CommaJoinedListRule.ListName(names), CommaJoinedListRule.Consequence(names),
            });

    private static (DiagnosticDescriptor Descriptor, ImmutableDictionary<string, string?>? Properties, object?[] Arguments)? Check(
        Use use, Entry entry, int entryCount, bool developmentFile, string fileName)
    {
        var where = $"{fileName}, {entry.Key}";
        var silencedInDevelopment = (use.DevelopmentCode || developmentFile) && !use.ReportInDevelopment;
        var value = entry.Text;
        if (value == CorsConstants.AnyOrigin)
        {
            if (use.SoleSource && entryCount == 1)
            {
                if (use.Credentials)
                {
                    return (DiagnosticDescriptors.AnyOriginWithCredentialsInSettings, null, new object?[] { where });
                }

                return silencedInDevelopment ? null : (DiagnosticDescriptors.AnyOriginInSettings, null, new object?[] { where });
            }

            return entryCount > 1 || use.KnownOthers > 0
                ? (DiagnosticDescriptors.OriginNeverMatchesInSettings, null, new object?[] { value, where, "'*' means any origin only when it is the only entry; next to other origins it is compared literally" })
                : null;
        }

        if (string.Equals(value, OriginText.NullOrigin, StringComparison.OrdinalIgnoreCase))
        {
            return silencedInDevelopment ? null : (DiagnosticDescriptors.NullOriginTrustedInSettings, null, new object?[] { where });
        }

        var problem = OriginText.Analyze(value, out var browserOrigin);
        if (problem != OriginProblem.None && (problem == OriginProblem.MisplacedWildcard || !OriginText.IsWildcardSubdomain(value)))
        {
            var reason = problem == OriginProblem.SeveralOrigins
                ? "it is one origin, not a list; give each origin its own array entry"
                : OriginNeverMatchesRule.Explain(problem, browserOrigin);
            var properties = browserOrigin is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.BrowserOrigin, browserOrigin);
            return (DiagnosticDescriptors.OriginNeverMatchesInSettings, properties, new object?[] { value, where, reason });
        }

        // A misplaced '*' matches no request: it trusts nothing, so no rule about what an origin allows applies.
        if (use.Credentials && OriginText.IsInsecureRemote(value) && !OriginText.HasMisplacedWildcard(value) && !silencedInDevelopment)
        {
            return (DiagnosticDescriptors.InsecureOriginWithCredentialsInSettings, null, new object?[] { value, where });
        }

        return null;
    }

    /// <summary>The origins a use reads from one file: the entries of a list, the value, or the parts of a split value.</summary>
    private static List<Entry> Entries(Use use, Dictionary<string, SettingsValue> values)
    {
        var entries = new List<Entry>();
        if (use.Shape == ConfiguredShape.List)
        {
            var prefix = use.Key + ":";
            foreach (var value in values.Values)
            {
                if (value.Key.Length > prefix.Length && value.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsIndex(value.Key, prefix.Length))
                {
                    entries.Add(new Entry(value.Key, value.Value, value.Span));
                }
            }

            return entries;
        }

        if (!values.TryGetValue(use.Key, out var single))
        {
            return entries;
        }

        if (use.Split is not { } split)
        {
            entries.Add(new Entry(single.Key, single.Value, single.Span));
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
                entries.Add(new Entry(single.Key, part, single.PartSpan(offset, part.Length)));
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

    private readonly struct Entry
    {
        public Entry(string key, string text, TextSpan span)
        {
            Key = key;
            Text = text;
            Span = span;
        }

        public string Key { get; }

        public string Text { get; }

        public TextSpan Span { get; }
    }

    private sealed class Use
    {
        public Use(string key, ConfigurationRead read, bool credentials, bool developmentCode, bool reportInDevelopment, bool soleSource, int knownOthers, Location readLocation, PolicyCallKind? namesOf = null)
        {
            NamesOf = namesOf;
            Key = key;
            Shape = read.Shape;
            Split = read.Split;
            Credentials = credentials;
            DevelopmentCode = developmentCode;
            ReportInDevelopment = reportInDevelopment;
            SoleSource = soleSource;
            KnownOthers = knownOthers;
            ReadLocation = readLocation;
        }

        public string Key { get; }

        public ConfiguredShape Shape { get; }

        public ConfiguredSplit? Split { get; }

        public bool Credentials { get; }

        /// <summary>The policy path only runs in development.</summary>
        public bool DevelopmentCode { get; }

        public bool ReportInDevelopment { get; }

        /// <summary>This read is the policy's whole origin list.</summary>
        public bool SoleSource { get; }

        /// <summary>How many constant origins the policy lists beside the configured ones.</summary>
        public int KnownOthers { get; }

        public Location ReadLocation { get; }

        /// <summary>The call that reads method or header names (CORS024); null for origins.</summary>
        public PolicyCallKind? NamesOf { get; }
    }
}
