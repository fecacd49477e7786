using NewsGraph.Api.Import.WireStories;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>The seed page, the test stories and small pages in the wire's layout, for the parser's tests.</summary>
internal static class WireStoryPages
{
    public static readonly string SeedPage = Path.Combine(AppContext.BaseDirectory, "seeds", "000_42211273ac0188eb.txt");
    public static readonly string StoriesFolder = Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories");

    public static ParsedStory ParseStory(string name)
        => WireStoryParser.Parse(File.ReadAllText(Path.Combine(StoriesFolder, name + ".txt")));

    /// <summary>A small page in the wire layout around <paramref name="paragraphs"/>.</summary>
    public static string Page(string headline = "A headline", string paragraphs = "", string byline = "")
        => $"Go to Contents Go to Navigation\n\n{headline}\n\nAll News 15:52 November 23, 2020\n\n{byline}\n\n{paragraphs}\n\n\nSend Feedback\nHow can we improve?\nThanks for your feedback!";

    public static void AssertQuotes(ParsedStory story, params (string? Speaker, string? Title, string Text)[] expected)
    {
        Assert.Equal(expected, story.Quotes.Select(q => (q.SpeakerName, q.SpeakerTitle, q.Text)));
        Assert.Equal(Enumerable.Range(1, expected.Length), story.Quotes.Select(q => q.Position));
    }

    public static readonly IEqualityComparer<ParsedStory.DatelineFacts?> DatelineComparer = EqualityComparer<ParsedStory.DatelineFacts?>.Create(
        (a, b) => a is not null && b is not null && a.Places.SequenceEqual(b.Places) && a.Date == b.Date && a.Source == b.Source);
}
