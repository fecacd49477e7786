using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>The snippets a hit shows: where they are, the offsets of the matches, and HTML that is escaped.</summary>
public sealed class SearchHighlightTests(SearchNewsroom newsroom) : IClassFixture<SearchNewsroom>
{
    private async Task<List<JsonElement>> HighlightsAsync(string query, string slug, string arguments = "")
    {
        var response = await newsroom.PostAsync(
            $"query($q: String!) {{ search(query: $q, first: 20) {{ nodes {{ article {{ slug }} highlights{arguments} {{ field position text html matches {{ start length }} }} }} }} }}",
            new { q = query });
        Assert.True(response.Errors.Count == 0, response.Text);
        var hit = response.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("article").GetProperty("slug").GetString() == slug);
        return [.. hit.GetProperty("highlights").EnumerateArray()];
    }

    private static IEnumerable<string> Matched(JsonElement highlight)
    {
        var text = highlight.GetProperty("text").GetString()!;
        return highlight.GetProperty("matches").EnumerateArray().Select(m => text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task AHeadline_IsHighlightedFirst_WholeAndEscaped()
    {
        var highlights = await HighlightsAsync("tariff", "markup");

        var headline = Assert.Single(highlights);
        Assert.Equal("HEADLINE", headline.GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, headline.GetProperty("position").ValueKind);
        Assert.Equal("Tom & Jerry's \"<b>tariff</b>\" quip", headline.GetProperty("text").GetString());
        Assert.Equal(["tariff"], Matched(headline));
        Assert.Equal("Tom &amp; Jerry&#39;s &quot;&lt;b&gt;<mark>tariff</mark>&lt;/b&gt;&quot; quip", headline.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Paragraphs_Captions_AndQuotes_SayWhichOneMatched()
    {
        var caption = Assert.Single(await HighlightsAsync("fishermen", "fishermen"));
        var quote = Assert.Single(await HighlightsAsync("unfair", "new-tariffs"));
        var paragraph = Assert.Single(await HighlightsAsync("protested", "new-tariffs"));

        Assert.Equal(("CAPTION", 1, "Fishermen haul nets at Busan harbor on Monday."), Describe(caption));
        Assert.Equal(["Fishermen"], Matched(caption));
        Assert.Equal(("QUOTE", 1, "We will never accept unfair tariffs."), Describe(quote));
        Assert.Equal(("PARAGRAPH", 2, "Dealers protested outside the ministry."), Describe(paragraph));
        Assert.Equal("Dealers <mark>protested</mark> outside the ministry.", paragraph.GetProperty("html").GetString());
    }

    [Fact]
    public async Task EveryFormOfTheWord_IsMarked()
    {
        var highlights = await HighlightsAsync("tariff", "new-tariffs");

        Assert.Equal(["HEADLINE", "PARAGRAPH", "QUOTE"], highlights.Select(h => h.GetProperty("field").GetString()));
        Assert.Equal(["tariffs"], Matched(highlights[0]));
        Assert.Equal(["tariffs"], Matched(highlights[1]));
    }

    [Fact]
    public async Task ALongParagraph_IsCutAroundItsMatch()
    {
        var highlight = Assert.Single(await HighlightsAsync("tariff", "long-read"));

        var text = highlight.GetProperty("text").GetString()!;
        Assert.True(SearchNewsroom.LongParagraph.Length > 400);
        Assert.InRange(text.Length, 100, 242);
        Assert.StartsWith("…", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Equal(["tariff"], Matched(highlight));
        Assert.Contains(text.Trim('…'), SearchNewsroom.LongParagraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_LimitsTheSnippets()
    {
        var all = await HighlightsAsync("space", NewsGraphApplication.SeedSlug);
        var two = await HighlightsAsync("space", NewsGraphApplication.SeedSlug, "(first: 2)");

        Assert.True(all.Count > 2);
        Assert.Equal(all.Take(2).Select(h => h.GetProperty("text").GetString()), two.Select(h => h.GetProperty("text").GetString()));
    }

    private static (string?, int, string?) Describe(JsonElement highlight)
        => (highlight.GetProperty("field").GetString(), highlight.GetProperty("position").GetInt32(), highlight.GetProperty("text").GetString());
}
