using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>Where a span of the original text lies after a set of text changes, and whether the changes touched it.</summary>
public static class SpanTracking
{
    public static (TextSpan Span, bool Rewritten) Map(TextSpan span, IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(static c => c.Span.Start).ThenBy(static c => c.Span.Length).ToList();
        var rewritten = ordered.Any(c => c.Span.IsEmpty
            ? c.Span.Start > span.Start && c.Span.Start < span.End
            : c.Span.OverlapsWith(span));
        var start = MapPosition(span.Start, ordered, isEnd: false);
        var end = MapPosition(span.End, ordered, isEnd: true);
        return (TextSpan.FromBounds(start, end < start ? start : end), rewritten);
    }

    private static int MapPosition(int position, IReadOnlyList<TextChange> ordered, bool isEnd)
    {
        var offset = 0;
        foreach (var change in ordered)
        {
            var newLength = change.NewText?.Length ?? 0;
            var delta = newLength - change.Span.Length;
            if (change.Span.IsEmpty)
            {
                // Text inserted at the position itself goes before a start and after an end.
                if (isEnd ? change.Span.Start < position : change.Span.Start <= position)
                {
                    offset += delta;
                    continue;
                }

                break;
            }

            if (change.Span.End <= position)
            {
                offset += delta;
            }
            else if (change.Span.Start < position)
            {
                // The position lies inside replaced text: it moves to the edge of the new text.
                return change.Span.Start + offset + (isEnd ? newLength : 0);
            }
            else
            {
                break;
            }
        }

        return position + offset;
    }
}
