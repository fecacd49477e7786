using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Articles;

public sealed class EditorialWorkflowTests : IDisposable
{
    private const string ArticleFields = "id slug headline status version paragraphs publishedAt withdrawalNotice corrections { text version } revisions { version action editor changes }";
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> MutateAsync(string mutation, object input, string role = "editor", string name = "alice")
    {
        // createArticle has nothing to conflict with, so its error union has no VersionConflictError.
        var conflict = mutation == "createArticle" ? "" : "... on VersionConflictError { expectedVersion currentVersion }";
        var response = await _app.PostAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ article {{ {ArticleFields} }} errors {{ __typename ... on Error {{ message }} {conflict} ... on InvalidInputError {{ field code }} }} }} }}",
            new { input }, token: _app.TokenFor(role, name));
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty(mutation);
    }

    private async Task<(string Id, int Version)> CreateDraftAsync(string headline = "Budget talks resume")
    {
        var created = await MutateAsync("createArticle", new { headline, section = "Politics", paragraphs = new[] { "First.", " ", "Second." }, editorNotes = "Embargoed until the vote" });
        Assert.Equal(JsonValueKind.Null, created.GetProperty("errors").ValueKind);
        var article = created.GetProperty("article");
        return (article.GetProperty("id").GetString()!, article.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AStory_FromDraftToKill_KeepsEveryRevision()
    {
        var events = _app.Services.GetRequiredService<IEventBus>().Subscribe<ArticleEvent>(ArticleEvent.Topic);
        var (id, version) = await CreateDraftAsync();

        var updated = (await MutateAsync("updateArticle", new { id, version, headline = "Budget talks resume in Seoul", genre = "News Focus" })).GetProperty("article");
        var published = (await MutateAsync("publishArticle", new { id, version = 2 })).GetProperty("article");
        var corrected = (await MutateAsync("correctArticle", new { id, version = 3, notice = "An earlier version misspelled the minister's name.", paragraphs = new[] { "First, fixed.", "Second." } }, name: "bob")).GetProperty("article");
        var withdrawn = (await MutateAsync("withdrawArticle", new { id, version = 4, notice = "The talks never took place." })).GetProperty("article");

        Assert.Equal("budget-talks-resume", updated.GetProperty("slug").GetString());
        Assert.Equal(["First.", "Second."], updated.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("PUBLISHED", published.GetProperty("status").GetString());
        Assert.EndsWith("+09:00", published.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal([("An earlier version misspelled the minister's name.", 4)],
            corrected.GetProperty("corrections").EnumerateArray().Select(c => (c.GetProperty("text").GetString(), c.GetProperty("version").GetInt32())));
        Assert.Equal("WITHDRAWN", withdrawn.GetProperty("status").GetString());
        Assert.Equal(5, withdrawn.GetProperty("version").GetInt32());
        var revisions = withdrawn.GetProperty("revisions").EnumerateArray()
            .Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("action").GetString(), r.GetProperty("editor").GetString())).ToList();
        Assert.Equal([(1, "created", "alice"), (2, "updated", "alice"), (3, "published", "alice"), (4, "corrected", "bob"), (5, "withdrawn", "alice")], revisions);
        Assert.Equal(["headline", "genre"], withdrawn.GetProperty("revisions")[1].GetProperty("changes").EnumerateArray().Select(c => c.GetString()));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var kinds = new List<ArticleEventKind>();
        await foreach (var e in events.ReadAllAsync(cancel.Token))
        {
            kinds.Add(e.Kind);
            Assert.Equal(GlobalId.Format("Article", e.ArticleId), id);
            if (kinds.Count == 3)
                break;
        }
        Assert.Equal([ArticleEventKind.Published, ArticleEventKind.Corrected, ArticleEventKind.Withdrawn], kinds);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task AStaleVersion_IsAConflict_AndNothingIsOverwritten()
    {
        var (id, version) = await CreateDraftAsync();
        await MutateAsync("updateArticle", new { id, version, headline = "First editor's headline" });

        var stale = await MutateAsync("updateArticle", new { id, version, headline = "Second editor's headline" });

        var error = Assert.Single(stale.GetProperty("errors").EnumerateArray());
        Assert.Equal("VersionConflictError", error.GetProperty("__typename").GetString());
        Assert.Equal((1, 2), (error.GetProperty("expectedVersion").GetInt32(), error.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("article").ValueKind);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal("First editor's headline", (await db.Articles.SingleAsync(a => a.Slug == "budget-talks-resume")).Headline);
    }

    [Fact]
    public async Task AnEmbargoedStory_StaysHiddenUntilItsTime()
    {
        var (id, version) = await CreateDraftAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(1).ToOffset(TimeSpan.FromHours(9));

        var scheduled = (await MutateAsync("publishArticle", new { id, version, publishAt = at.ToString("O") })).GetProperty("article");
        var before = await _app.PostAsync("{ article(slug: \"budget-talks-resume\") { headline } }");
        await Task.Delay(at - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        var lifted = await _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<EmbargoLifter>().Single().LiftDueAsync(CancellationToken.None);
        var after = await _app.PostAsync("{ article(slug: \"budget-talks-resume\") { headline status publishedAt } }");

        Assert.Equal("SCHEDULED", scheduled.GetProperty("status").GetString());
        Assert.Equal(["ARTICLE_NOT_FOUND"], before.ErrorCodes);
        Assert.Equal(1, lifted);
        Assert.Equal("PUBLISHED", after.Data.GetProperty("article").GetProperty("status").GetString());
        Assert.Equal(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
            after.Data.GetProperty("article").GetProperty("publishedAt").GetString());
    }

    [Fact]
    public async Task AnEmbargo_LiftedByTwoInstancesAtOnce_PublishesTheStoryOnce()
    {
        // Two instances on one database, their own timers out of the way: the test lifts by hand, at once.
        const string hourly = "01:00:00";
        using var first = new NewsGraphApplication { Settings = { ["Newsroom:EmbargoCheckInterval"] = hourly } };
        using var second = NewsGraphApplication.OnFolder(first.Folder);
        second.Settings["Newsroom:EmbargoCheckInterval"] = hourly;
        var instances = new[] { first, second };
        var events = instances.Select(app => app.Services.GetRequiredService<IEventBus>().Subscribe<ArticleEvent>(ArticleEvent.Topic)).ToList();
        var created = await first.PostAsync("mutation { createArticle(input: { headline: \"Vote result\", section: \"Politics\", paragraphs: [\"Counted.\"] }) { article { id version } } }",
            token: first.TokenFor("editor"));
        var draft = created.Data.GetProperty("createArticle").GetProperty("article");
        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        await first.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }",
            new { input = new { id = draft.GetProperty("id").GetString(), version = draft.GetProperty("version").GetInt32(), publishAt = at.ToString("O") } },
            token: first.TokenFor("editor"));
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, (at - DateTimeOffset.UtcNow).TotalMilliseconds) + 200));

        var lifted = await Task.WhenAll(instances.Select(app =>
            app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<EmbargoLifter>().Single().LiftDueAsync(CancellationToken.None)));

        await using var db = await first.CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.Revisions).SingleAsync(a => a.Slug == "vote-result");
        Assert.Equal(1, lifted.Sum());
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Single(article.Revisions, r => r.Action == "published");
        // One event: in process, only the instance that published has it; through Redis (the
        // scaled-out run), every instance's subscribers get that one event.
        var raised = 0;
        foreach (var subscription in events)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                await foreach (var e in subscription.ReadAllAsync(wait.Token))
                    raised += e.Kind == ArticleEventKind.Published ? 1 : 0;
            }
            catch (OperationCanceledException)
            {
                // No more events.
            }
            await subscription.DisposeAsync();
        }
        Assert.Equal(TestRedis.IsOn ? instances.Length : 1, raised);
    }

    [Fact]
    public async Task Images_AttachDetachAndReorder_ChangeTheStory()
    {
        var (id, version) = await CreateDraftAsync();
        var photos = new List<string>();
        foreach (var caption in new[] { "One", "Two", "Three" })
        {
            var response = await _app.PostAsync("mutation($c: String!) { createImage(input: { caption: $c, credit: \"Yonhap\" }) { image { id } } }",
                new { c = caption }, token: _app.TokenFor("editor"));
            photos.Add(response.Data.GetProperty("createImage").GetProperty("image").GetProperty("id").GetString()!);
        }

        foreach (var photo in photos)
            AssertSaved(await MutateAsync("attachImage", new { articleId = id, version = version++, imageId = photo }));
        var again = await MutateAsync("attachImage", new { articleId = id, version, imageId = photos[0] });
        AssertSaved(await MutateAsync("reorderImages", new { articleId = id, version = version++, imageIds = new[] { photos[2], photos[0], photos[1] } }));
        AssertSaved(await MutateAsync("detachImage", new { articleId = id, version = version++, imageId = photos[0] }));

        var article = await _app.PostAsync("query($id: ID!) { node(id: $id) { ... on Article { version images { caption } } } }", new { id }, token: _app.TokenFor("editor"));
        Assert.Equal(["Three", "Two"], article.Data.GetProperty("node").GetProperty("images").EnumerateArray().Select(i => i.GetProperty("caption").GetString()));
        Assert.Equal(version, article.Data.GetProperty("node").GetProperty("version").GetInt32());
        Assert.Equal("IMAGE_ALREADY_ATTACHED", again.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static void AssertSaved(JsonElement payload) =>
        Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, payload.ToString());

    [Theory]
    [InlineData("{ headline: \"\", section: \"World\" }", "headline", "INVALID_INPUT")]
    [InlineData("{ headline: \"US space commander calls for deepening security ties with S Korea in space field\", section: \"World\" }", "slug", "SLUG_TAKEN")]
    [InlineData("{ headline: \"x\", section: \"World\", authorIds: [\"bm9wZQ==\"] }", "authorIds", "INVALID_ID")]
    [InlineData("{ headline: \"x\", section: \"World\", revisionLabel: \"AN EXTREMELY LONG REVISION LABEL\" }", "revisionLabel", "INVALID_INPUT")]
    public async Task CreateArticle_InvalidInput_IsATypedError(string input, string field, string code)
    {
        var response = await _app.PostAsync($"mutation {{ createArticle(input: {input}) {{ article {{ id }} errors {{ ... on InvalidInputError {{ field code }} }} }} }}",
            token: _app.TokenFor("editor"));

        Assert.Empty(response.Errors);
        var error = Assert.Single(response.Data.GetProperty("createArticle").GetProperty("errors").EnumerateArray());
        Assert.Equal((field, code), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task CreateArticle_WithAnUnknownAuthor_IsNotFound()
    {
        var response = await _app.PostAsync($"mutation {{ createArticle(input: {{ headline: \"x\", section: \"World\", authorIds: [\"{GlobalId.Format("Person", 9999)}\"] }}) {{ errors {{ __typename }} }} }}",
            token: _app.TokenFor("editor"));

        Assert.Equal("NotFoundError", response.Data.GetProperty("createArticle").GetProperty("errors")[0].GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task MergePeople_MovesBylinesAndQuotes()
    {
        var editor = _app.TokenFor("admin");
        var duplicate = (await _app.PostAsync("mutation { createPerson(input: { name: \"Oh Seok Min\", organization: \"Yonhap\" }) { person { id } } }", token: editor))
            .Data.GetProperty("createPerson").GetProperty("person").GetProperty("id").GetString();
        var (article, version) = await CreateDraftAsync("A story by the duplicate");
        await MutateAsync("updateArticle", new { id = article, version, authorIds = new[] { duplicate } });
        await using var db = await _app.CreateDbContextAsync();
        var original = await db.People.SingleAsync(p => p.Name == "Oh Seok-min");

        var merged = await _app.PostAsync("mutation($id: ID!, $dup: ID!) { mergePeople(input: { id: $id, version: 1, mergeIds: [$dup] }) { person { name articles { nodes { slug } } } errors { __typename } } }",
            new { id = GlobalId.Format("Person", original.Id), dup = duplicate }, token: editor);

        var person = merged.Data.GetProperty("mergePeople").GetProperty("person");
        Assert.Equal(2, person.GetProperty("articles").GetProperty("nodes").GetArrayLength());
        Assert.False(await db.People.AnyAsync(p => p.Name == "Oh Seok Min"));
    }
}
