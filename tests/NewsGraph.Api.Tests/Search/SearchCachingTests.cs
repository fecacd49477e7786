using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>
/// A search, like every list of stories, is kept by a CDN under the keys of what it shows, so that
/// publishing or changing any story (which purges <c>articles</c>) takes stale results and counts away.
/// </summary>
public sealed class SearchCachingTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASearchWithFacets_IsTaggedWithTheStoryLists_AndTheStoriesAndPeopleItShows()
    {
        var response = await _app.PostAsync("{ search(query: \"Suh Wook space\") { nodes { article { slug } highlights { html } } "
            + "facets { sections { count } bylines { person { name } count } quotedPeople { person { name } count } } } }");

        await using var db = await _app.CreateDbContextAsync();
        var article = await db.Articles.SingleAsync(a => a.Slug == NewsGraphApplication.SeedSlug);
        var suh = await db.People.SingleAsync(p => p.Name == "Suh Wook");
        Assert.True(response.HasData, response.Text);
        Assert.Equal("public, max-age=30, s-maxage=3600", response.Header("Cache-Control"));
        var keys = response.Header("Surrogate-Key")!.Split(' ');
        Assert.Contains("articles", keys);
        Assert.Contains($"article:{article.Id}", keys);
        Assert.Contains($"person:{suh.Id}", keys);
    }

    [Fact]
    public async Task ASearchKeptToOneSection_DependsOnThatSectionsList()
    {
        var response = await _app.PostAsync("{ search(query: \"space\", where: { section: { slug: { eq: \"all-news\" } } }) { totalCount } }");

        var keys = response.Header("Surrogate-Key")!.Split(' ');
        Assert.Contains("section:all-news", keys);
        Assert.DoesNotContain("articles", keys);
    }
}
