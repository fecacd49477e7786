using NewsGraph.GraphQL.Search;

namespace NewsGraph.GraphQL.Tests.Search;

public sealed class HighlightedTextTests
{
    private const char O = HighlightedText.Open;
    private const char C = HighlightedText.Close;

    private static string Marked(HighlightedText text)
        => string.Concat(text.Text.Select((c, i) =>
            (text.Matches.Any(m => m.Start == i) ? "[" : "") + c + (text.Matches.Any(m => m.End == i + 1) ? "]" : "")));

    [Fact]
    public void Split_GivesEachParagraph_WithOffsetsOfItsOwn()
    {
        var parts = HighlightedText.Split($"New {O}tariff{C} plan\u2029No match here\u2029The {O}tariffs{C} and {O}steel{C}", '\u2029');

        Assert.Equal(["New [tariff] plan", "No match here", "The [tariffs] and [steel]"], parts.Select(Marked));
        Assert.Equal([new TextRange(4, 6)], parts[0].Matches);
        Assert.Equal([new TextRange(4, 7), new TextRange(16, 5)], parts[2].Matches);
    }

    [Fact]
    public void Split_CutsAMatchThatRunsOverAParagraphEnd()
    {
        var parts = HighlightedText.Split($"a {O}budget\u2029plan{C} b", '\u2029');

        Assert.Equal(["a [budget]", "[plan] b"], parts.Select(Marked));
    }

    [Fact]
    public void Window_CutsAtSpaces_AroundTheFirstMatch_WithEllipses()
    {
        var words = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        var marked = words.Replace("word30", $"{O}tariff{C}", StringComparison.Ordinal);
        var text = HighlightedText.Split(marked, '\u2029')[0];

        var window = text.Window(80);

        Assert.StartsWith("…", window.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", window.Text, StringComparison.Ordinal);
        Assert.InRange(window.Text.Length, 40, 82);
        var match = Assert.Single(window.Matches);
        Assert.Equal("tariff", window.Text.Substring(match.Start, match.Length));
        Assert.True(window.Text[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w.TrimEnd('…') is var t && (t.StartsWith("word", StringComparison.Ordinal) || t == "tariff")));
    }

    [Fact]
    public void Window_LeavesShortTextAlone()
    {
        var text = HighlightedText.Split($"A {O}short{C} one", '\u2029')[0];

        Assert.Same(text, text.Window(80));
    }

    [Fact]
    public void ToHtml_EscapesTheText_AndMarksTheMatches()
    {
        var text = HighlightedText.Split($"<b>\"Tom & {O}Jerry's{C}\"</b> {O}café{C}", '\u2029')[0];

        Assert.Equal("&lt;b&gt;&quot;Tom &amp; <mark>Jerry&#39;s</mark>&quot;&lt;/b&gt; <mark>café</mark>", text.ToHtml());
    }
}
