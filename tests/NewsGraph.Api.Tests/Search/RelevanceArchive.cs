using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.Import;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.People;
using NewsGraph.Api.Search;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>
/// The archive the relevance set is judged on: the 10k benchmark dataset, bulk imported, then the seed
/// story through the wire importer and the set's hand-written stories.
/// </summary>
public sealed class RelevanceArchive : IAsyncLifetime
{
    private readonly string _noSeeds = Directory.CreateTempSubdirectory("newsgraph-relevance-").FullName;

    public NewsGraphApplication App { get; } = new();

    public JsonElement Set { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "RelevanceSet.json"))).RootElement;

    public async Task InitializeAsync()
    {
        App.Settings["Seed:Path"] = _noSeeds;
        var report = await App.Services.GetRequiredService<NdjsonImporter>().ImportAsync(await BenchmarkDataset.GetAsync(10_000));
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await App.Services.GetRequiredService<SearchBacklog>().IndexAllAsync(null, CancellationToken.None);
        using var output = new StringWriter();
        Assert.Equal(0, await App.Services.GetRequiredService<ImportCommand>().RunAsync([Path.Combine(AppContext.BaseDirectory, "seeds")], output, interactive: false, CancellationToken.None));
        await AddStoriesAsync();
    }

    private async Task AddStoriesAsync()
    {
        await using var db = await App.CreateDbContextAsync();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name);
        var people = await db.People.GroupBy(p => p.Name).Select(g => g.OrderBy(p => p.Id).First()).ToDictionaryAsync(p => p.Name);
        Person PersonNamed(string name) => people.TryGetValue(name, out var person) ? person : people[name] = new Person { Name = name };
        foreach (var story in Set.GetProperty("stories").EnumerateArray())
        {
            var name = story.GetProperty("section").GetString()!;
            var section = sections.TryGetValue(name, out var known) ? known : sections[name] = new Section { Slug = Slug.From(name), Name = name };
            var published = DateTimeOffset.Parse(story.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            db.Articles.Add(new Article
            {
                Slug = story.GetProperty("slug").GetString()!,
                Headline = story.GetProperty("headline").GetString()!,
                Section = section,
                Status = ArticleStatus.Published,
                PublishedAt = published.UtcDateTime,
                PublishedOffsetMinutes = (short)published.Offset.TotalMinutes,
                UpdatedAt = published.UtcDateTime,
                Paragraphs = [.. Strings(story, "paragraphs")],
                Bylines = [.. Strings(story, "authors").Select((author, i) => new Byline { Person = PersonNamed(author), Position = i + 1, Role = BylineRole.Author })],
                Images = [.. Strings(story, "captions").Select((caption, i) => new ArticleImage { Position = i + 1, Image = new Image { Caption = caption } })],
                Quotes = [.. Quotes(story).Select((q, i) => new Quote { Speaker = PersonNamed(q.Speaker), Text = q.Text, Position = i + 1, Attribution = QuoteAttribution.Name })],
            });
        }
        await db.SaveChangesAsync();
    }

    private static IEnumerable<string> Strings(JsonElement story, string name)
        => story.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString()!) : [];

    private static IEnumerable<(string Speaker, string Text)> Quotes(JsonElement story)
        => story.TryGetProperty("quotes", out var quotes)
            ? quotes.EnumerateArray().Select(q => (q.GetProperty("speaker").GetString()!, q.GetProperty("text").GetString()!))
            : [];

    public Task DisposeAsync()
    {
        App.Dispose();
        Directory.Delete(_noSeeds, recursive: true);
        return Task.CompletedTask;
    }
}
