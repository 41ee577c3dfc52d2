using System;
using System.Collections.Generic;
using System.Linq;

namespace CorsAnalyzers.Browser.Tests.Lab;

/// <summary>What a page's <c>fetch()</c> gave the page, with the browser console's reason when it gave nothing.</summary>
internal sealed record Outcome(bool Read, int Status, string? Body, string? Header, string? Error, IReadOnlyList<string> Console)
{
    private const string CorsPrefix = "has been blocked by CORS policy: ";

    /// <summary>The browser refused the response to the page for a CORS reason.</summary>
    public bool BlockedByCors => !Read && CorsReason is not null;

    /// <summary>Nothing listened: the API is down.</summary>
    public bool ConnectionRefused => !Read && Console.Any(line => line.Contains("net::ERR_CONNECTION_REFUSED", StringComparison.Ordinal));

    /// <summary>The first sentence of the console's CORS message, the browser's own words.</summary>
    public string? CorsReason
    {
        get
        {
            var line = Console.FirstOrDefault(l => l.Contains(CorsPrefix, StringComparison.Ordinal));
            if (line is null)
            {
                return null;
            }

            var reason = line[(line.IndexOf(CorsPrefix, StringComparison.Ordinal) + CorsPrefix.Length)..];
            var end = reason.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? reason : reason[..(end + 1)]).Trim().TrimEnd('"');
        }
    }

    /// <summary>A short account for the proof table: what the page got.</summary>
    public string Summary(Call call) =>
        Read ? $"read {Status} \"{Body}\"" + (call.ReadHeader is { } name ? (Header is null ? $", {name} hidden" : $", {name}: {Header}") : string.Empty)
        : ConnectionRefused ? "nothing listens (connection refused)"
        : CorsReason is { } reason ? "blocked: " + reason
        : "failed: " + Error;

    public override string ToString() =>
        (Read ? $"read {Status} \"{Body}\", {Header ?? "no header"}" : "not read: " + Error) + (Console.Count == 0 ? string.Empty : "; console: " + string.Join(" | ", Console));
}
