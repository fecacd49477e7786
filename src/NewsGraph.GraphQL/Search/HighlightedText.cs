using System.Text;

namespace NewsGraph.GraphQL.Search;

/// <summary>
/// A text with the spans a search matched. Databases mark matches in the text they return
/// (<see cref="Open"/> and <see cref="Close"/>, private-use characters no story contains); this
/// turns such text into plain text with offsets, cuts a window around the matches and writes HTML.
/// </summary>
public sealed record HighlightedText(string Text, IReadOnlyList<TextRange> Matches)
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    public const string Ellipsis = "…";

    /// <summary>Splits marked text at <paramref name="separator"/>: one part per paragraph (a match that runs over a separator is cut there).</summary>
    public static IReadOnlyList<HighlightedText> Split(string marked, char separator)
    {
        var parts = new List<HighlightedText>();
        var text = new StringBuilder();
        var matches = new List<TextRange>();
        var openedAt = -1;
        void EndPart()
        {
            if (openedAt >= 0 && text.Length > openedAt)
                matches.Add(new TextRange(openedAt, text.Length - openedAt));
            parts.Add(new HighlightedText(text.ToString(), [.. matches]));
            (openedAt, text.Length) = (openedAt >= 0 ? 0 : -1, 0);
            matches.Clear();
        }

        foreach (var c in marked)
        {
            if (c == separator)
                EndPart();
            else if (c == Open)
                openedAt = text.Length;
            else if (c == Close)
            {
                if (openedAt >= 0 && text.Length > openedAt)
                    matches.Add(new TextRange(openedAt, text.Length - openedAt));
                openedAt = -1;
            }
            else
                text.Append(c);
        }
        EndPart();
        return parts;
    }

    /// <summary>
    /// At most about <paramref name="maxLength"/> characters around the first match, cut at spaces,
    /// with an ellipsis where text was left out; the text itself when it is short enough.
    /// </summary>
    public HighlightedText Window(int maxLength)
    {
        if (Text.Length <= maxLength)
            return this;
        var first = Matches.Count > 0 ? Matches[0].Start : 0;
        var start = Math.Max(0, Math.Min(first - maxLength / 4, Text.Length - maxLength));
        if (start > 0)
            start = WordStart(start, first);
        var end = Math.Min(Text.Length, start + maxLength);
        if (end < Text.Length)
            end = WordEnd(start, end, Matches.Count > 0 ? Matches[0].End : start);
        var lead = start > 0 ? Ellipsis : "";
        var text = lead + Text[start..end].Trim() + (end < Text.Length ? Ellipsis : "");
        var shift = lead.Length - start - (Text[start..end].Length - Text[start..end].TrimStart().Length);
        var matches = Matches.Where(m => m.Start >= start && m.End <= end).Select(m => m with { Start = m.Start + shift }).ToList();
        return new HighlightedText(text, matches);
    }

    /// <summary>The text HTML-escaped, each match in <c>&lt;mark&gt;</c>.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var match in Matches)
        {
            html.Append(Escape(Text[at..match.Start])).Append("<mark>")
                .Append(Escape(Text[match.Start..match.End])).Append("</mark>");
            at = match.End;
        }
        return html.Append(Escape(Text[at..])).ToString();
    }

    // Only what HTML needs escaped; other characters (Korean, accents) stay as they are.
    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
        return html.ToString();
    }

    // The start of the word at or after `from`, not past the first match.
    private int WordStart(int from, int limit)
    {
        var space = Text.IndexOf(' ', from - 1);
        return space >= 0 && space < limit ? space + 1 : from;
    }

    // The end of the last whole word before `to`, not before the first match's end.
    private int WordEnd(int start, int to, int limit)
    {
        var space = Text.LastIndexOf(' ', to);
        return space > start && space >= limit ? space : to;
    }
}
