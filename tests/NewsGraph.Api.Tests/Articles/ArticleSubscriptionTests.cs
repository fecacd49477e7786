using System.Text.Json;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Articles;

public sealed class ArticleSubscriptionTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> MutateAsync(string mutation, object input)
    {
        var name = mutation[..mutation.IndexOf('(', StringComparison.Ordinal)];
        var response = await _app.PostAsync($"mutation($input: {char.ToUpperInvariant(name[0])}{name[1..]}Input!) {{ {mutation.Replace("(input)", "(input: $input)", StringComparison.Ordinal)} }}",
            new { input }, token: _app.TokenFor("editor"));
        Assert.True(response.Errors.Count == 0 && response.Data.GetProperty(name).GetProperty("errors").ValueKind == JsonValueKind.Null, response.Text);
        return response.Data.GetProperty(name);
    }

    private async Task<string> PublishAsync(string headline, string section)
    {
        var id = (await MutateAsync("createArticle(input) { article { id } errors { __typename } }", new { headline, section, paragraphs = new[] { "Text." } }))
            .GetProperty("article").GetProperty("id").GetString()!;
        await MutateAsync("publishArticle(input) { article { id } errors { __typename } }", new { id, version = 1 });
        return id;
    }

    [Fact]
    public async Task ArticlePublished_BySection_GetsOnlyThatSectionsStories_WithNestedData()
    {
        await PublishAsync("Setting up the section", "Politics");
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync();
        await socket.SubscribeAsync("politics", "subscription { articlePublished(section: \"politics\") { headline section { name } publishedAt } }");
        await _app.WaitForSubscribersAsync(ArticleEvent.Topic, 1);

        await PublishAsync("Markets rally", "Business");
        await PublishAsync("Assembly passes the budget", "Politics");
        var next = await socket.ReceiveUntilAsync("politics", "next");

        var article = next.GetProperty("payload").GetProperty("data").GetProperty("articlePublished");
        Assert.Equal("Assembly passes the budget", article.GetProperty("headline").GetString());
        Assert.Equal("Politics", article.GetProperty("section").GetProperty("name").GetString());
        Assert.EndsWith("+09:00", article.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePublished_ForAnUnknownSection_IsAnError()
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync();

        await socket.SubscribeAsync("x", "subscription { articlePublished(section: \"astrology\") { headline } }");

        var error = await socket.ReceiveUntilAsync("x", "error");
        Assert.Equal("SECTION_NOT_FOUND", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ArticleUpdated_ReportsCorrectionsAndTheWithdrawal_WithoutShowingAKilledStoryToReaders()
    {
        var id = await PublishAsync("Minister visits Busan", "Politics");
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync();
        await socket.SubscribeAsync("story", "subscription($id: ID!) { articleUpdated(id: $id) { kind version notice article { headline status } } }", new { id });
        await _app.WaitForSubscribersAsync(ArticleEvent.Topic, 1);

        await MutateAsync("correctArticle(input) { article { id } errors { __typename } }", new { id, version = 2, notice = "The minister visited Ulsan, not Busan.", headline = "Minister visits Ulsan" });
        // Each event shows the story as it is when the event is sent, so read this one before the kill.
        var corrected = (await socket.ReceiveUntilAsync("story", "next")).GetProperty("payload").GetProperty("data").GetProperty("articleUpdated");
        await MutateAsync("withdrawArticle(input) { article { id } errors { __typename } }", new { id, version = 3, notice = "The visit was cancelled." });
        var withdrawn = (await socket.ReceiveUntilAsync("story", "next")).GetProperty("payload").GetProperty("data").GetProperty("articleUpdated");

        Assert.Equal(("CORRECTED", 3, "The minister visited Ulsan, not Busan."),
            (corrected.GetProperty("kind").GetString(), corrected.GetProperty("version").GetInt32(), corrected.GetProperty("notice").GetString()));
        Assert.Equal("Minister visits Ulsan", corrected.GetProperty("article").GetProperty("headline").GetString());
        Assert.Equal(("WITHDRAWN", "The visit was cancelled."), (withdrawn.GetProperty("kind").GetString(), withdrawn.GetProperty("notice").GetString()));
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("article").ValueKind);
    }

    [Theory]
    [InlineData(null, "ARTICLE_NOT_FOUND")]
    [InlineData("editor", null)]
    public async Task ArticleUpdated_OnADraft_IsForEditorsOnly(string? role, string? code)
    {
        var draft = (await MutateAsync("createArticle(input) { article { id } errors { __typename } }", new { headline = "Draft", section = "Politics" }))
            .GetProperty("article").GetProperty("id").GetString();
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync(role is null ? null : new { Authorization = "Bearer " + _app.TokenFor(role) });

        await socket.SubscribeAsync("draft", "subscription($id: ID!) { articleUpdated(id: $id) { kind } }", new { id = draft });

        if (code is null)
        {
            await _app.WaitForSubscribersAsync(ArticleEvent.Topic, 1);
            return;
        }
        var error = await socket.ReceiveUntilAsync("draft", "error");
        Assert.Equal(code, error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ArticleUpdated_WithAMalformedId_IsNodeIdInvalid()
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync();

        await socket.SubscribeAsync("bad", "subscription { articleUpdated(id: \"UGVyc29uOjE=\") { kind } }");

        var error = await socket.ReceiveUntilAsync("bad", "error");
        Assert.Equal("NODE_ID_INVALID", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheLegacyProtocol_CarriesTheSameSubscription()
    {
        await using var socket = await _app.ConnectAsync("graphql-ws");
        await socket.InitAsync();
        await socket.SendAsync(new { id = "1", type = "start", payload = new { query = "subscription { articlePublished { headline } }" } });
        await _app.WaitForSubscribersAsync(ArticleEvent.Topic, 1);

        await PublishAsync("Heard by an old client", "World");

        var data = await socket.ReceiveUntilAsync("1", "data");
        Assert.Equal("Heard by an old client", data.GetProperty("payload").GetProperty("data").GetProperty("articlePublished").GetProperty("headline").GetString());
    }
}
