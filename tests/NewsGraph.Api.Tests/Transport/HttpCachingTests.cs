using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Transport;

/// <summary>
/// What a CDN may keep of NewsGraph's answers: readers' pages by trusted document, with the keys of
/// the stories, sections, people and photos they show; never what signed-in callers, mutations or
/// errors get.
/// </summary>
public sealed class HttpCachingTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();
    private readonly string _articlePage;
    private readonly string _frontPage;

    public HttpCachingTests()
    {
        var ids = _app.Trusting(CachingSetup.ArticlePage, CachingSetup.FrontPage);
        _articlePage = CachingSetup.Url(ids[0], new { slug = NewsGraphApplication.SeedSlug });
        _frontPage = CachingSetup.Url(ids[1], new { section = "all-news" });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnArticlePage_IsPublic_AndTaggedWithEverythingItShows()
    {
        var response = await _app.GetAsync(_articlePage);

        await using var db = await _app.CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.Bylines).Include(a => a.Images).SingleAsync(a => a.Slug == NewsGraphApplication.SeedSlug);
        string[] expected =
        [
            "all", $"article:{article.Id}", "section:all-news",
            .. article.Bylines.Where(b => b.Role == NewsGraph.Api.Articles.BylineRole.Author).Select(b => $"person:{b.PersonId}"),
            .. article.Images.Select(i => $"image:{i.ImageId}"),
        ];
        Assert.True(response.HasData, response.Text);
        Assert.Equal("public, max-age=30, s-maxage=3600", response.Header("Cache-Control"));
        Assert.Equal("Accept, Authorization, GraphQL-Cost", response.Header("Vary"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), response.Header("Surrogate-Key")!.Split(' '));
        Assert.Equal(response.Header("Surrogate-Key")!.Replace(' ', ','), response.Header("Cache-Tag"));
    }

    [Fact]
    public async Task ASectionFrontPage_DependsOnItsSectionsList_NotOnEveryList()
    {
        var section = await _app.GetAsync(_frontPage);
        var everything = await _app.PostAsync("{ articles(first: 5) { nodes { slug } } }");

        Assert.Contains("section:all-news", section.Header("Surrogate-Key")!.Split(' '));
        Assert.DoesNotContain("articles", section.Header("Surrogate-Key")!.Split(' '));
        Assert.Contains("articles", everything.Header("Surrogate-Key")!.Split(' '));
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("editor")]
    public async Task SignedInCallers_AreNeverCachedPublicly(string role)
    {
        var response = await _app.GetAsync(_articlePage, token: _app.TokenFor(role));

        Assert.True(response.HasData, response.Text);
        Assert.True(response.Message.Headers.CacheControl is { Private: true, NoStore: true, Public: false });
        Assert.Null(response.Header("ETag"));
        Assert.Null(response.Header("Surrogate-Key"));
    }

    [Fact]
    public async Task MutationsAndErrors_AreNeverCacheable()
    {
        var mutation = await _app.PostAsync("mutation { submitFeedback(input: { message: \"Nice\", rating: 5 }) { thankYouMessage } }");
        var notFound = await _app.PostAsync("{ article(slug: \"no-such-story\") { headline } }");
        var editorsOnly = await _app.PostAsync($"{{ article(slug: \"{NewsGraphApplication.SeedSlug}\") {{ headline revisions {{ version }} }} }}");

        Assert.Equal(["ARTICLE_NOT_FOUND"], notFound.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], editorsOnly.ErrorCodes);
        foreach (var response in new[] { mutation, notFound, editorsOnly })
        {
            Assert.Equal("no-store", response.Header("Cache-Control"));
            Assert.Null(response.Header("ETag"));
            Assert.Null(response.Header("Surrogate-Key"));
        }
    }

    [Fact]
    public async Task IfNoneMatch_Gets304_ForGetAndForPostById()
    {
        var first = await _app.GetAsync(_articlePage);
        var etag = first.Header("ETag")!;
        var byId = JsonSerializer.Serialize(new { id = _articlePage.Split('=', '&')[1], variables = new { slug = NewsGraphApplication.SeedSlug } });
        var posted = await _app.SendJsonAsync(byId);

        var get = await _app.GetAsync(_articlePage, headers: new Dictionary<string, string> { ["If-None-Match"] = etag });
        var post = await _app.SendJsonAsync(byId, headers: new Dictionary<string, string> { ["If-None-Match"] = posted.Header("ETag")! });
        var changed = await _app.GetAsync(_articlePage, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"not-this\"" });

        Assert.Equal(304, get.Status);
        Assert.Equal("", get.Text);
        Assert.Equal(etag, get.Header("ETag"));
        Assert.Equal(etag, posted.Header("ETag"));
        Assert.Equal(304, post.Status);
        Assert.Equal(200, changed.Status);
    }
}
