using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.People;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Search;

/// <summary>Every write path keeps the index in step: what a story says now is what a search finds, nothing that it used to say.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<List<string>> FindAsync(string query, string? role = "editor")
    {
        var response = await _app.PostAsync("query($q: String!) { search(query: $q, first: 20) { totalCount nodes { article { slug } } } }", new { q = query }, token: _app.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        var search = response.Data.GetProperty("search");
        var slugs = search.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString()!).ToList();
        Assert.Equal(slugs.Count, search.GetProperty("totalCount").GetInt32());
        return slugs;
    }

    private async Task<JsonElement> MutateAsync(string name, object input, string role = "editor")
    {
        var response = await _app.PostAsync($"mutation($input: {char.ToUpperInvariant(name[0])}{name[1..]}Input!) {{ {name}(input: $input) {{ errors {{ __typename }} }} }}",
            new { input }, token: _app.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty(name).GetProperty("errors").ValueKind);
        return response.Data.GetProperty(name);
    }

    private async Task<(string Id, int Version)> StoryAsync(string slug)
    {
        await using var db = await _app.CreateDbContextAsync();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == slug);
        return (GlobalId.Format("Article", article.Id), article.Version);
    }

    [Fact]
    public async Task AStorysMutations_KeepTheIndexInStep()
    {
        await MutateAsync("createArticle", new { headline = "Quantum kiwi harvest", slug = "kiwi", section = "Science", paragraphs = new[] { "Growers tested a zeppelin." } });
        Assert.Equal(["kiwi"], await FindAsync("kiwi"));
        Assert.Empty(await FindAsync("kiwi", role: null));

        var (id, version) = await StoryAsync("kiwi");
        await MutateAsync("publishArticle", new { id, version });
        Assert.Equal(["kiwi"], await FindAsync("kiwi zeppelin", role: null));

        (id, version) = await StoryAsync("kiwi");
        await MutateAsync("updateArticle", new { id, version, headline = "Quantum mango harvest", paragraphs = new[] { "Growers tested a dirigible." } });
        Assert.Empty(await FindAsync("kiwi OR zeppelin"));
        Assert.Equal(["kiwi"], await FindAsync("mango dirigible", role: null));

        (id, version) = await StoryAsync("kiwi");
        await MutateAsync("correctArticle", new { id, version, notice = "An earlier version named the wrong aircraft.", paragraphs = new[] { "Growers tested a hovercraft." } });
        Assert.Equal(["kiwi"], await FindAsync("hovercraft", role: null));
        Assert.Empty(await FindAsync("dirigible"));

        (id, version) = await StoryAsync("kiwi");
        await MutateAsync("withdrawArticle", new { id, version, notice = "The harvest was a hoax." });
        Assert.Empty(await FindAsync("mango", role: null));
        Assert.Equal(["kiwi"], await FindAsync("mango"));

        (id, version) = await StoryAsync("kiwi");
        await MutateAsync("deleteArticle", new { id, version }, role: "admin");
        Assert.Empty(await FindAsync("mango"));
    }

    [Fact]
    public async Task Photos_AndTheirCaptions_KeepTheIndexInStep()
    {
        var (articleId, version) = await StoryAsync(NewsGraphApplication.SeedSlug);
        var created = await _app.PostAsync("mutation { createImage(input: { caption: \"A walrus on the beach\" }) { image { id } } }", token: _app.TokenFor("editor"));
        Assert.True(created.Errors.Count == 0, created.Text);
        var image = created.Data.GetProperty("createImage").GetProperty("image");
        var imageId = image.GetProperty("id").GetString();

        await MutateAsync("attachImage", new { articleId, version, imageId });
        Assert.Equal([NewsGraphApplication.SeedSlug], await FindAsync("walrus", role: null));

        await MutateAsync("updateImage", new { id = imageId, version = 1, caption = "A pelican on the beach" });
        Assert.Empty(await FindAsync("walrus"));
        Assert.Equal([NewsGraphApplication.SeedSlug], await FindAsync("pelican", role: null));

        (articleId, version) = await StoryAsync(NewsGraphApplication.SeedSlug);
        await MutateAsync("detachImage", new { articleId, version, imageId });
        Assert.Empty(await FindAsync("pelican"));
    }

    [Fact]
    public async Task QuoteSpeakers_AndTheirNames_KeepTheIndexInStep()
    {
        await using (var db = await _app.CreateDbContextAsync())
        {
            db.People.Add(new Person { Name = "Xavier Quill" });
            await db.SaveChangesAsync();
        }
        var (articleId, version) = await StoryAsync(NewsGraphApplication.SeedSlug);
        int quill;
        await using (var db = await _app.CreateDbContextAsync())
            quill = (await db.People.SingleAsync(p => p.Name == "Xavier Quill")).Id;

        await MutateAsync("setQuoteSpeaker", new { articleId, version, position = 1, speakerId = GlobalId.Format("Person", quill) });
        Assert.Equal([NewsGraphApplication.SeedSlug], await FindAsync("\"Quill Xavier\"", role: null));

        await MutateAsync("updatePerson", new { id = GlobalId.Format("Person", quill), version = 1, name = "Xavier Quillon" });
        Assert.Empty(await FindAsync("Quill"));
        Assert.Equal([NewsGraphApplication.SeedSlug], await FindAsync("Quillon", role: null));
    }

    [Fact]
    public async Task RenamingAPersonOnStoriesOfDifferentMonths_ReindexesEveryOneOfThem()
    {
        // Reporter 1 signs stories 3, 4, 7 and 8; moving 3 and 4 to a later month puts their index keys
        // above those of 7 and 8, so the rename's trigger meets its stories out of key order.
        await TestContent.AddStoriesAsync(_app, 8, "Weather");
        int reporter;
        await using (var db = await _app.CreateDbContextAsync())
        {
            foreach (var story in await db.Articles.Where(a => a.Slug == "test-story-3" || a.Slug == "test-story-4").ToListAsync())
                story.PublishedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
            reporter = (await db.People.SingleAsync(p => p.Name == "Reporter 1")).Id;
        }

        await MutateAsync("updatePerson", new { id = GlobalId.Format("Person", reporter), version = 1, name = "Reporter Zanzibar" });

        Assert.Equal(["test-story-3", "test-story-4", "test-story-7", "test-story-8"], (await FindAsync("Zanzibar", role: null)).Order());
    }

    [Fact]
    public async Task StoriesWrittenStraightToTheDatabase_AreIndexedToo()
    {
        await TestContent.AddStoriesAsync(_app, 3, "Weather");

        Assert.Equal(3, (await FindAsync("\"Paragraph one\" Reporter", role: null)).Count);

        await using var db = await _app.CreateDbContextAsync();
        var story = await db.Articles.SingleAsync(a => a.Slug == "test-story-2");
        story.Status = ArticleStatus.Draft;
        db.Quotes.RemoveRange(db.Quotes.Where(q => q.ArticleId == story.Id));
        await db.SaveChangesAsync();

        Assert.Equal(["test-story-3", "test-story-1"], await FindAsync("\"Paragraph one\" Reporter", role: null));
        Assert.Equal(["test-story-3", "test-story-1"], await FindAsync("\"first quote\"", role: "editor"));
    }
}
