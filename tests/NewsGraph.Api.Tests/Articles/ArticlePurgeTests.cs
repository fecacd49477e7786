using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Articles;

/// <summary>
/// Every change readers can see purges the story, its section's lists and the other lists, at the
/// configured webhook; changes to drafts purge nothing.
/// </summary>
public sealed class ArticlePurgeTests : IAsyncLifetime
{
    private PurgeWatch _watch = null!;

    private NewsGraphApplication App => _watch.App;

    public async Task InitializeAsync()
        => _watch = await PurgeWatch.StartAsync(new NewsGraphApplication { Settings = { ["Newsroom:EmbargoCheckInterval"] = "01:00:00" } });

    public async Task DisposeAsync() => await _watch.DisposeAsync();

    [Fact]
    public async Task EachVisibleChange_PurgesTheStoryAndItsLists()
    {
        var (id, number) = await CreateDraftAsync("Budget talks resume");
        string[] expected = [$"article:{number}", "articles", "section:politics"];

        var draftEdit = await PurgedByAsync(() => MutateAsync("updateArticle", new { id, version = 1, headline = "Budget talks resume today" }));
        var published = await PurgedByAsync(() => MutateAsync("publishArticle", new { id, version = 2 }));
        var updated = await PurgedByAsync(() => MutateAsync("updateArticle", new { id, version = 3, genre = "News Focus" }));
        var corrected = await PurgedByAsync(() => MutateAsync("correctArticle", new { id, version = 4, notice = "A name was misspelled.", headline = "Budget talks resume, corrected" }));
        var moved = await PurgedByAsync(() => MutateAsync("updateArticle", new { id, version = 5, section = "Business" }));
        var withdrawn = await PurgedByAsync(() => MutateAsync("withdrawArticle", new { id, version = 6, notice = "The talks never took place." }));

        Assert.Empty(draftEdit);
        Assert.Equal(expected, published);
        Assert.Equal(expected, updated);
        Assert.Equal(expected, corrected);
        Assert.Equal([$"article:{number}", "articles", "section:business", "section:politics", "sections"], moved);
        Assert.Equal([$"article:{number}", "articles", "section:business"], withdrawn);
    }

    [Fact]
    public async Task AttachingAPhoto_AndDeletingAPublishedStory_Purge()
    {
        var (id, number) = await CreateDraftAsync("Harbour reopens");
        await MutateAsync("publishArticle", new { id, version = 1 });
        var image = await App.PostAsync("mutation { createImage(input: { caption: \"The harbour\" }) { image { id } } }", token: App.TokenFor("editor"));
        var imageId = image.Data.GetProperty("createImage").GetProperty("image").GetProperty("id").GetString();

        var attached = await PurgedByAsync(() => MutateAsync("attachImage", new { articleId = id, version = 2, imageId }, payload: "article"));
        var deleted = await PurgedByAsync(() => MutateAsync("deleteArticle", new { id, version = 3 }, role: "admin"));

        Assert.Equal([$"article:{number}", "articles", "section:politics"], attached);
        Assert.Equal([$"article:{number}", "articles", "section:politics"], deleted);
    }

    [Fact]
    public async Task AnEmbargo_PurgesWhenItIsLifted_NotWhenItIsSet()
    {
        var (id, number) = await CreateDraftAsync("Election date set");
        var at = DateTimeOffset.UtcNow.AddMilliseconds(300);

        var scheduled = await PurgedByAsync(() => MutateAsync("publishArticle", new { id, version = 1, publishAt = at.ToString("O") }));
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, (at - DateTimeOffset.UtcNow).TotalMilliseconds) + 100));
        var lifted = await PurgedByAsync(() => App.Services.GetServices<IHostedService>().OfType<EmbargoLifter>().Single().LiftDueAsync(CancellationToken.None));

        Assert.Empty(scheduled);
        Assert.Equal([$"article:{number}", "articles", "section:politics"], lifted);
        Assert.Contains("embargo lifted", _watch.Hook.Received[^1].Body, StringComparison.Ordinal);
    }

    private Task<string[]> PurgedByAsync(Func<Task> change) => _watch.PurgedByAsync(change);

    private async Task<(string Id, int Number)> CreateDraftAsync(string headline)
    {
        var created = await App.PostAsync("mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }",
            new { input = new { headline, section = "Politics", paragraphs = new[] { "First." } } }, token: App.TokenFor("editor"));
        var id = created.Data.GetProperty("createArticle").GetProperty("article").GetProperty("id").GetString()!;
        Assert.True(GlobalId.TryParseInt(id, "Article", out var number));
        return (id, number.Value);
    }

    private async Task MutateAsync(string mutation, object input, string role = "editor", string payload = "article")
    {
        var response = await App.PostAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ {payload} {{ id }} errors {{ __typename }} }} }}",
            new { input }, token: App.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty(mutation).GetProperty("errors").ValueKind);
    }
}
