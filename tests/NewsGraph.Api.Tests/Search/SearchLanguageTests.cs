using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>The query language, the same on both databases: what each kind of term finds, and what a query that cannot be read gets.</summary>
public sealed class SearchLanguageTests(SearchNewsroom newsroom) : IClassFixture<SearchNewsroom>
{
    private const string Seed = NewsGraphApplication.SeedSlug;

    private async Task AssertFindsAsync(string query, params string[] slugs)
    {
        var found = await newsroom.SlugsAsync(query);
        Assert.Equal(slugs.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public Task Words_MustAllMatch_InAnyFormOfTheWord()
        => AssertFindsAsync("tariffs steel", "tariff-talks", "steel-market");

    [Fact]
    public Task APhrase_MatchesItsWordsSideBySide_InOrder()
        => AssertFindsAsync("\"budget plan\"", "budget-plan");

    [Fact]
    public Task AnExcludedWord_LeavesOutTheStoriesThatHoldIt()
        => AssertFindsAsync("tariff -steel", "new-tariffs", "markup", "long-read");

    [Fact]
    public Task AnExcludedPhrase_LeavesOutOnlyTheStoriesThatHoldThePhrase()
        => AssertFindsAsync("budget -\"budget plan\"", "plan-budget");

    [Fact]
    public Task APrefix_FindsEveryWordStartingWithIt()
        => AssertFindsAsync("tarif*", "tariff-talks", "steel-market", "new-tariffs", "markup", "long-read");

    [Fact]
    public Task Or_FindsEitherTerm_AndBindsTighterThanTheOtherWords()
    {
        return Task.WhenAll(
            AssertFindsAsync("fishermen OR typhoons", "fishermen", "space-agency"),
            AssertFindsAsync("engineers cheered OR nets", "space-agency"));
    }

    [Theory]
    [InlineData("Suh Wook")]
    [InlineData("Wook Suh")]
    [InlineData("Suh")]
    [InlineData("\"Wook Suh\"")]
    [InlineData("\"Suh Wook\"")]
    public Task Names_MatchAsWrittenInEitherOrder(string query)
        => AssertFindsAsync(query, "suh-space", "defense-chief", Seed);

    [Fact]
    public Task ABylineName_MatchesInEitherOrder()
        => AssertFindsAsync("\"Tae-woo Kim\"", "suh-space");

    [Fact]
    public async Task CommonWords_AreLeftOut()
        => Assert.Equal(await newsroom.SlugsAsync("tariff"), await newsroom.SlugsAsync("the tariff of"));

    [Fact]
    public Task Captions_AndQuotes_AreSearched()
        => Task.WhenAll(AssertFindsAsync("fishermen", "fishermen"), AssertFindsAsync("unfair", "new-tariffs"));

    [Theory]
    [InlineData("\"budget plan", 0)]
    [InlineData("tariff OR", 7)]
    [InlineData("tariff OR -steel", 10)]
    [InlineData("ta*", 0)]
    [InlineData("-tariff", 0)]
    [InlineData("the", 0)]
    public async Task BadSyntax_GetsACodedError_WithItsPosition(string query, int position)
    {
        var response = await newsroom.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = query });

        Assert.Equal(["SEARCH_QUERY_INVALID"], response.ErrorCodes);
        Assert.Equal(position, response.Errors[0].GetProperty("extensions").GetProperty("position").GetInt32());
        Assert.Equal(["search"], response.Errors[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("search").ValueKind);
    }

    [Theory]
    [InlineData("tar\0iff")]
    [InlineData("\0")]
    [InlineData("\"tariff \0 talks\"")]
    [InlineData("headline:tariff")]
    [InlineData("NEAR(tariff steel)")]
    [InlineData("^tariff + {steel} AND NOT :*")]
    [InlineData("tariff's 'steel' \\ % _ ; --")]
    [InlineData("한국어 é \ud83d\ude00 tariff")]
    [InlineData("* ** \"*\" -*")]
    public async Task HostileText_IsAnsweredOrRefusedWithACode_NeverAnUnexpectedError(string query)
    {
        var response = await newsroom.PostAsync("query($q: String!) { search(query: $q) { totalCount nodes { highlights { html } } facets { sections { count } } } }", new { q = query });

        Assert.True(response.Errors.Count == 0 || response.ErrorCodes.SequenceEqual(["SEARCH_QUERY_INVALID"]), response.Text);
    }

    [Fact]
    public async Task AVeryLongQuery_IsAnsweredOrRefusedWithACode()
    {
        var query = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"word{i}*"));
        var response = await newsroom.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = query });

        Assert.True(response.Errors.Count == 0 || response.ErrorCodes.SequenceEqual(["SEARCH_QUERY_INVALID"]), response.Text[..Math.Min(2000, response.Text.Length)]);
    }

    [Fact]
    public async Task Where_NarrowsTheSearch_AndTheCount()
    {
        var response = await newsroom.PostAsync(
            "{ search(query: \"tariff\", where: { section: { slug: { eq: \"business\" } } }) { totalCount nodes { article { slug } } } }");

        var search = response.Data.GetProperty("search");
        Assert.Equal(["tariff-talks", "new-tariffs", "steel-market"], search.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString()));
        Assert.Equal(3, search.GetProperty("totalCount").GetInt32());
    }
}
