using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.Api.Tests.GraphQL;

/// <summary>The in-process response cache keeps answers per role: anonymous readers and signed-in readers apart, editors never.</summary>
public sealed class ResponseCacheTests : IDisposable
{
    private readonly NewsGraphApplication _app = new() { Settings = { ["GraphQL:ResponseCache:Enabled"] = "true" } };
    private readonly string _page;

    public ResponseCacheTests()
    {
        _page = CachingSetup.Url(_app.Trusting(CachingSetup.ArticlePage)[0], new { slug = NewsGraphApplication.SeedSlug });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnswersAreKeptPerRole_AndNeverForEditors()
    {
        var cache = _app.Services.GetRequiredService<ResponseCache>();
        var reader = _app.TokenFor("reader");
        var editor = _app.TokenFor("editor");

        await _app.GetAsync(_page);
        var anonymous = await _app.GetAsync(_page);
        await _app.GetAsync(_page, token: reader);
        var signedIn = await _app.GetAsync(_page, token: reader);
        await _app.GetAsync(_page, token: editor);
        await _app.GetAsync(_page, token: editor);

        Assert.Equal(2, cache.Count);
        Assert.Equal(2, cache.Hits);
        Assert.Equal("public, max-age=30, s-maxage=3600", anonymous.Header("Cache-Control"));
        Assert.True(signedIn.Message.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal(anonymous.Text, signedIn.Text);
    }
}
