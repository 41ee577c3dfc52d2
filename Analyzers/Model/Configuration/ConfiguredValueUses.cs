using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Model;

/// <summary>
/// Every value a policy reads from configuration (origins, method and header names), collected from the policies as they
/// are analyzed, so the values in appsettings*.json can be checked at compilation end.
/// </summary>
internal sealed class ConfiguredValueUses
{
    private readonly ConcurrentBag<ConfiguredValueUse> _uses = new();

    public bool IsEmpty => _uses.IsEmpty;

    public IProducerConsumerCollection<ConfiguredValueUse> All => _uses;

    /// <summary>Records the configured values of every <c>WithOrigins</c>, <c>WithMethods</c>, <c>WithHeaders</c> and <c>WithExposedHeaders</c> call of a policy.</summary>
    public void Collect(PolicyAnalysis policy, AnalyzerOptions options, SyntaxTree tree)
    {
        bool? reportInDevelopment = null;
        foreach (var path in policy.Paths)
        {
            foreach (var call in path.Calls)
            {
                var reads = policy.ConfigurationReadsOf(call);
                if (reads.IsEmpty)
                {
                    continue;
                }

                if (call.Kind == PolicyCallKind.WithOrigins)
                {
                    reportInDevelopment ??= CorsAnalyzerOptions.ReportInDevelopment.GetValue(options, tree);
                    CollectOrigins(path, call, reads, reportInDevelopment.Value);
                }
                else
                {
                    CollectNames(call, reads);
                }
            }
        }
    }

    private void CollectOrigins(PolicyState path, PolicyCall call, ImmutableArray<ConfigurationRead> reads, bool reportInDevelopment)
    {
        var inFinalList = false;
        var known = 0;
        var listed = 0;
        foreach (var (origin, originCall) in path.Origins)
        {
            inFinalList |= ReferenceEquals(originCall, call);

            // A fallback (configured ?? new[] { "https://app.com" }) is in the list only when the configured value is not.
            if (!origin.IsFallback)
            {
                listed++;
                known += origin.Value is null ? 0 : 1;
            }
        }

        if (!inFinalList)
        {
            // AllowAnyOrigin() or something the model cannot see replaced the list later on this path.
            return;
        }

        var sole = path.OriginsKnown && listed == 1 && reads.Length == 1;
        var developmentCode = path.IsDevelopment || DevelopmentOnly.IsInDebugRegion(call.Operation.Syntax);
        foreach (var read in reads)
        {
            if (read.Key is { } key && !read.ValuesTransformed && !string.Equals(key, CorsConstants.AllowedHostsKey, StringComparison.OrdinalIgnoreCase))
            {
                _uses.Add(new ConfiguredValueUse(key, read, path.Credentials is not null, developmentCode, reportInDevelopment, sole, known, read.Read.Syntax.GetLocation()));
            }
        }
    }

    private void CollectNames(PolicyCall call, ImmutableArray<ConfigurationRead> reads)
    {
        foreach (var read in reads)
        {
            if (read.Key is { } key)
            {
                _uses.Add(new ConfiguredValueUse(key, read, false, false, false, false, 0, read.Read.Syntax.GetLocation(), call.Kind));
            }
        }
    }
}

/// <summary>One configuration key a policy call reads, with what the settings rules need to know about the policy.</summary>
internal sealed class ConfiguredValueUse
{
    public ConfiguredValueUse(string key, ConfigurationRead read, bool credentials, bool developmentCode, bool reportInDevelopment, bool soleSource, int knownOthers, Location readLocation, PolicyCallKind? namesOf = null)
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

/// <summary>One value of an appsettings file as one policy call reads it.</summary>
internal sealed class ConfiguredValue
{
    private (OriginProblem Problem, string? BrowserOrigin)? _problem;

    public ConfiguredValue(ConfiguredValueUse use, SettingsEntry entry, int entryCount, AppSettingsFile file)
    {
        Use = use;
        Entry = entry;
        EntryCount = entryCount;
        File = file;
    }

    public ConfiguredValueUse Use { get; }

    public SettingsEntry Entry { get; }

    public string Text => Entry.Text;

    /// <summary>How many values the use reads from this file.</summary>
    public int EntryCount { get; }

    public AppSettingsFile File { get; }

    /// <summary>The value in its file.</summary>
    public Location Location => File.LocationOf(Entry.Span);

    /// <summary>The configuration read that takes the value, for the finding's additional location.</summary>
    public IEnumerable<Location> ReadLocations => new[] { Use.ReadLocation };

    /// <summary>Where the value is, as the messages name it: <c>appsettings.json, Cors:AllowedOrigins:0</c>.</summary>
    public string Where => $"{File.FileName}, {Entry.Key}";

    /// <summary>An origin value read by a policy (not a method or header name).</summary>
    public bool IsOrigin => Use.NamesOf is null;

    /// <summary>The value only takes effect in development, and the rules silent there are not asked to report.</summary>
    public bool IsSilencedInDevelopment => (Use.DevelopmentCode || File.IsDevelopment) && !Use.ReportInDevelopment;

    public bool IsAnyOrigin => IsOrigin && Text == CorsConstants.AnyOrigin;

    /// <summary>"*" as the policy's only origin: any origin.</summary>
    public bool IsSoleAnyOrigin => IsAnyOrigin && Use.SoleSource && EntryCount == 1;

    public bool IsNullOrigin => IsOrigin && string.Equals(Text, OriginText.NullOrigin, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why an origin value other than "*" and "null" never matches a browser's Origin (a wildcard subdomain is left to the
    /// policy's own flag); <see cref="OriginProblem.None"/> when it can match.
    /// </summary>
    public OriginProblem NeverMatches(out string? browserOrigin)
    {
        if (_problem is null)
        {
            var problem = OriginProblem.None;
            string? suggestion = null;
            if (IsOrigin && !IsAnyOrigin && !IsNullOrigin)
            {
                problem = OriginText.NeverMatching(OriginText.Analyze(Text, out suggestion), Text);
            }

            _problem = (problem, suggestion);
        }

        browserOrigin = _problem.Value.BrowserOrigin;
        return _problem.Value.Problem;
    }
}
