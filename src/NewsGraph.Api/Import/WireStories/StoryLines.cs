namespace NewsGraph.Api.Import.WireStories;

/// <summary>One line of the text and its 1-based number.</summary>
internal readonly record struct StoryLine(int Number, string Text);

/// <summary>
/// The lines of a wire page read front to back, without the site's chrome: the navigation line above the
/// headline and the feedback widget below the story.
/// </summary>
internal sealed class StoryLines
{
    private const string NavigationLine = "Go to Contents Go to Navigation";
    private const string EndMarker = "(END)";
    private static readonly string[] FeedbackWidgetLines = ["Send Feedback", "How can we improve?", "Thanks for your feedback!"];
    private static readonly string[] LineBreaks = ["\r\n", "\n", "\r"];

    private readonly string[] _lines;
    private readonly int _end;
    private int _next;

    private StoryLines(string[] lines, int start, int end)
    {
        _lines = lines;
        _next = start;
        _end = end;
    }

    public static StoryLines Of(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new WireStoryFormatException(1, "The text is empty.");
        var lines = text.Split(LineBreaks, StringSplitOptions.None);
        RejectBinary(lines);

        var start = 0;
        while (start < lines.Length && string.IsNullOrWhiteSpace(lines[start]))
            start++;
        if (start < lines.Length && lines[start].Trim() == NavigationLine)
            start++;
        var end = lines.Length;
        while (end > start && (string.IsNullOrWhiteSpace(lines[end - 1]) || FeedbackWidgetLines.Contains(lines[end - 1].Trim())))
            end--;
        return new StoryLines(lines, start, end);
    }

    /// <summary>The next non-blank line, which must be there: <paramref name="expected"/> names it for the error.</summary>
    public StoryLine Next(string expected)
    {
        var line = Peek() ?? throw new WireStoryFormatException(
            _lines.Length, $"The text ends before the {expected}.");
        _next = line.Number;
        return line;
    }

    /// <summary>The next non-blank line, left unread.</summary>
    public StoryLine? Peek()
    {
        for (var i = _next; i < _end; i++)
        {
            if (!string.IsNullOrWhiteSpace(_lines[i]))
                return new StoryLine(i + 1, _lines[i].Trim());
        }
        return null;
    }

    public void Skip(StoryLine line) => _next = line.Number;

    /// <summary>Goes back to just before <paramref name="line"/>, as if it had not been read.</summary>
    public void Rewind(StoryLine line) => _next = line.Number - 1;

    /// <summary>
    /// The rest as blocks of consecutive lines joined by spaces, up to the end marker; whatever follows
    /// the marker is not part of the story.
    /// </summary>
    public (IReadOnlyList<string> Blocks, bool HasEndMarker) Blocks()
    {
        var blocks = new List<string>();
        var block = new List<string>();
        var hasEndMarker = false;
        for (; _next < _end && !hasEndMarker; _next++)
        {
            var line = _lines[_next].Trim();
            if (line.EndsWith(EndMarker, StringComparison.Ordinal))
            {
                hasEndMarker = true;
                line = line[..^EndMarker.Length].TrimEnd();
            }
            if (line.Length > 0)
                block.Add(line);
            if ((line.Length == 0 || hasEndMarker) && block.Count > 0)
            {
                blocks.Add(string.Join(' ', block));
                block.Clear();
            }
        }
        if (block.Count > 0)
            blocks.Add(string.Join(' ', block));
        return (blocks, hasEndMarker);
    }

    // Control characters and U+FFFD (what a decoder makes of bytes that are not text) never occur in
    // wire copy, so they mark a binary file read as text.
    private static void RejectBinary(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Any(c => c == '\uFFFD' || (char.IsControl(c) && c != '\t')))
                throw new WireStoryFormatException(i + 1, "The text holds control characters or undecodable bytes; it is not a wire story.");
        }
    }
}
