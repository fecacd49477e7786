using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Articles;

public sealed class ArticleQueriesTests : IAsyncLifetime, IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public async Task InitializeAsync() => await TestContent.AddStoriesAsync(_app, 12);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Articles_ByDefault_GivesTheTenNewest()
    {
        var response = await _app.PostAsync("{ articles { nodes { headline publishedAt } } }");

        var headlines = response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(a => a.GetProperty("headline").GetString()).ToList();
        Assert.Equal(10, headlines.Count);
        Assert.Equal("Test story 12", headlines[0]);
        Assert.Equal("Test story 3", headlines[9]);
    }

    [Fact]
    public async Task Articles_MoreThanFifty_IsRefusedWithHC0051()
    {
        var response = await _app.PostAsync("{ articles(first: 51) { nodes { headline } } }");

        Assert.Equal(["HC0051"], response.ErrorCodes);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Article_UnknownSlug_IsNullWithArticleNotFound()
    {
        var response = await _app.PostAsync("{ article(slug: \"no-such-story\") { headline } }");

        Assert.Equal(200, response.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("article").ValueKind);
        Assert.Equal(["ARTICLE_NOT_FOUND"], response.ErrorCodes);
        Assert.Equal("article", response.Errors[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Article_SlugWithANulCharacter_IsNullWithArticleNotFound()
    {
        // Asked of PostgreSQL, it was an unexpected error.
        var response = await _app.PostAsync("query($s: String!) { article(slug: $s) { headline } }", new { s = "no-such\0story" });

        Assert.Equal(200, response.Status);
        Assert.Equal(["ARTICLE_NOT_FOUND"], response.ErrorCodes);
    }

    [Fact]
    public async Task Sections_ListsEachSectionOnce()
    {
        var response = await _app.PostAsync("{ sections { name slug } }");

        Assert.Equal(["All News", "Business"], response.Data.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }
}
