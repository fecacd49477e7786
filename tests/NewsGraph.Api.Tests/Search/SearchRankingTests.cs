using System.Text.Json;

namespace NewsGraph.Api.Tests.Search;

/// <summary>How hits are ordered and paged: headline before body, phrase before scattered words, newer before older among equals.</summary>
public sealed class SearchRankingTests(SearchNewsroom newsroom) : IClassFixture<SearchNewsroom>
{
    private async Task<List<(string Slug, double Score)>> HitsAsync(string query)
    {
        var response = await newsroom.PostAsync("query($q: String!) { search(query: $q, first: 50) { nodes { score article { slug } } } }", new { q = query });
        Assert.True(response.Errors.Count == 0, response.Text);
        return [.. response.Data.GetProperty("search").GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("article").GetProperty("slug").GetString()!, n.GetProperty("score").GetDouble()))];
    }

    [Fact]
    public async Task HeadlineMatches_ComeBeforeBodyOnlyOnes_NewestFirst()
    {
        var hits = await HitsAsync("tariff");

        Assert.Equal(["markup", "tariff-talks", "new-tariffs"], hits.Take(3).Select(h => h.Slug));
        Assert.Equal(["long-read", "steel-market"], hits.Skip(3).Select(h => h.Slug).Order(StringComparer.Ordinal));
        Assert.All(hits.Take(3), h => Assert.Equal(2, h.Score));
        Assert.All(hits.Skip(3), h => Assert.InRange(h.Score, double.Epsilon, 1));
    }

    [Fact]
    public async Task TheWordsAsAPhrase_ComeBeforeTheWordsScattered_EvenWhenOlder()
    {
        var hits = await HitsAsync("budget plan");

        Assert.Equal([("budget-plan", 3.0), ("plan-budget", 2.0)], hits);
    }

    [Fact]
    public async Task OfEqualStories_TheNewerComesFirst()
    {
        var hits = await HitsAsync("harbor strike");

        Assert.Equal(["harbor-new", "harbor-old"], hits.Select(h => h.Slug));
    }

    [Fact]
    public async Task MoreOfTheQueryInTheHeadline_RanksHigher()
    {
        var hits = await HitsAsync("Suh space cooperation");

        Assert.Equal("suh-space", hits[0].Slug);
        Assert.Equal(2, hits[0].Score);
        Assert.DoesNotContain(hits, h => h.Slug == "space-agency");
    }

    [Fact]
    public async Task BodyMatches_AreRankedByTheDatabase_AHeadlineWordBeforeNone()
    {
        var hits = await HitsAsync("space");

        Assert.Equal(["suh-space", "space-agency", NewsGraph.Api.Tests.Infrastructure.NewsGraphApplication.SeedSlug], hits.Take(3).Select(h => h.Slug));
        Assert.Equal("defense-chief", hits[3].Slug);
        Assert.True(hits[3].Score < 1);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task PagesForward_AndBackward_WalkTheSameHits(int size)
    {
        var all = (await HitsAsync("tariff")).Select(h => h.Slug).ToList();

        var forward = await WalkAsync($"first: {size}", "after", "endCursor", "hasNextPage", append: true);
        var backward = await WalkAsync($"last: {size}", "before", "startCursor", "hasPreviousPage", append: false);

        Assert.Equal(all, forward);
        Assert.Equal(all, backward);
    }

    private async Task<List<string>> WalkAsync(string size, string cursorArgument, string cursorField, string more, bool append)
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var response = await newsroom.PostAsync(
                $"query($c: String) {{ search(query: \"tariff\", {size}, {cursorArgument}: $c) {{ totalCount pageInfo {{ {cursorField} {more} }} edges {{ cursor node {{ article {{ slug }} }} }} }} }}",
                new { c = cursor });
            Assert.True(response.Errors.Count == 0, response.Text);
            var search = response.Data.GetProperty("search");
            Assert.Equal(5, search.GetProperty("totalCount").GetInt32());
            var slugs = search.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("article").GetProperty("slug").GetString()!).ToList();
            seen.InsertRange(append ? seen.Count : 0, slugs);
            if (!search.GetProperty("pageInfo").GetProperty(more).GetBoolean())
                return seen;
            cursor = search.GetProperty("pageInfo").GetProperty(cursorField).GetString();
        }
        throw new InvalidOperationException("The pages did not end.");
    }

    [Fact]
    public async Task ACursorOfAnotherList_IsRefused()
    {
        var articles = await newsroom.PostAsync("{ articles(first: 1) { pageInfo { endCursor } } }");
        var cursor = articles.Data.GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var response = await newsroom.PostAsync("query($c: String) { search(query: \"tariff\", after: $c) { totalCount } }", new { c = cursor });

        Assert.Equal(["HC0078"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("search").ValueKind);
    }
}
