using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Purging;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Redis;

/// <summary>
/// Two instances on one database (and one Redis in the scaled-out run): a change is purged once,
/// by the instance that made it, and every instance's response cache drops what it showed.
/// </summary>
public sealed class ScaledOutPurgeTests : IAsyncLifetime
{
    private const string Correct = "mutation($input: CorrectArticleInput!) { correctArticle(input: $input) { article { version } errors { __typename } } }";
    private PurgeReceiver _hook = null!;
    private NewsGraphApplication _first = null!;
    private NewsGraphApplication _second = null!;
    private string _page = "";

    public async Task InitializeAsync()
    {
        _hook = await PurgeReceiver.StartAsync();
        _first = new NewsGraphApplication { Settings = { ["GraphQL:ResponseCache:Enabled"] = "true" } }.PurgingTo(_hook);
        _second = NewsGraphApplication.OnFolder(_first.Folder).PurgingTo(_hook);
        _second.Settings["GraphQL:ResponseCache:Enabled"] = "true";
        var id = _first.Trusting(CachingSetup.ArticlePage)[0];
        _second.Settings["GraphQL:TrustedDocuments:Folder"] = _first.Settings["GraphQL:TrustedDocuments:Folder"];
        _page = CachingSetup.Url(id, new { slug = NewsGraphApplication.SeedSlug });
        await _first.WaitForSubscribersAsync(CachePurged.Topic, 1);
        await _second.WaitForSubscribersAsync(CachePurged.Topic, 1);
    }

    public async Task DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        await _hook.DisposeAsync();
    }

    [Fact]
    public async Task ACorrection_IsPurgedOnce_AndEveryInstancesCacheDropsThePage()
    {
        await _first.GetAsync(_page);
        await _second.GetAsync(_page);
        var cachedOnSecond = await _second.GetAsync(_page);
        Assert.Equal(1, _second.Services.GetRequiredService<ResponseCache>().Hits);
        await FlushAsync();   // the first start's seed import purged too
        var before = _hook.Received.Count;

        var corrected = await _first.PostAsync(Correct,
            new { input = new { id = await SeedIdAsync(), version = 1, notice = "The commander's title was wrong.", headline = "Corrected: space ties" } },
            token: _first.TokenFor("editor"));
        Assert.Equal(2, corrected.Data.GetProperty("correctArticle").GetProperty("article").GetProperty("version").GetInt32());
        var onFirst = await _first.GetAsync(_page);
        var onSecond = await SecondInstancePageAsync();
        await FlushAsync();
        await Task.Delay(500);   // a second sender would have sent by now

        Assert.Equal("Corrected: space ties", Headline(onFirst));
        var purge = Assert.Single(_hook.Received.Skip(before));
        Assert.Contains("article:", purge.Body, StringComparison.Ordinal);
        if (TestRedis.IsOn)
            Assert.Equal("Corrected: space ties", Headline(onSecond));
        else
            Assert.Equal(Headline(cachedOnSecond), Headline(onSecond));   // one box per instance: documented, only Redis tells the others
    }

    /// <summary>The page on the second instance once the purge reached it through Redis (within a second), or at once without Redis.</summary>
    private async Task<GraphQLHttpResponse> SecondInstancePageAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (true)
        {
            var page = await _second.GetAsync(_page);
            if (!TestRedis.IsOn || Headline(page) == "Corrected: space ties" || DateTime.UtcNow > deadline)
                return page;
            await Task.Delay(20);
        }
    }

    private async Task FlushAsync()
    {
        await _first.Services.GetRequiredService<CachePurger>().FlushAsync();
        await _second.Services.GetRequiredService<CachePurger>().FlushAsync();
    }

    private async Task<string> SeedIdAsync()
    {
        var response = await _first.PostAsync($"{{ article(slug: \"{NewsGraphApplication.SeedSlug}\") {{ id }} }}");
        return response.Data.GetProperty("article").GetProperty("id").GetString()!;
    }

    private static string? Headline(GraphQLHttpResponse response)
        => response.Data.GetProperty("article").GetProperty("headline").GetString();
}
