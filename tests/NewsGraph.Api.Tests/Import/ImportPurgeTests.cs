using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Import;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

/// <summary>Imports purge what they changed: a wire story its story, lists and people; a bulk load everything.</summary>
public sealed class ImportPurgeTests : IAsyncLifetime
{
    private static readonly string Story = Path.Combine(AppContext.BaseDirectory, "seeds");
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-import-purge-").FullName;
    private PurgeWatch _watch = null!;

    public async Task InitializeAsync()
    {
        var app = new NewsGraphApplication();
        app.Settings["Seed:Path"] = Directory.CreateDirectory(Path.Combine(_folder, "no-seeds")).FullName;
        _watch = await PurgeWatch.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private ImportCommand Command => _watch.App.Services.GetRequiredService<ImportCommand>();

    [Fact]
    public async Task AWireStory_PurgesItsStoryListsAndPeople_AndAgainChangesNothing()
    {
        var first = await _watch.PurgedByAsync(() => Command.RunAsync([Story], TextWriter.Null, interactive: false, CancellationToken.None));
        var again = await _watch.PurgedByAsync(() => Command.RunAsync([Story], TextWriter.Null, interactive: false, CancellationToken.None));

        await using var db = await _watch.App.CreateDbContextAsync();
        var article = await db.Articles.Include(a => a.Section).SingleAsync();
        var people = await db.People.Select(p => $"person:{p.Id}").ToListAsync();
        Assert.Equal(
            new[] { $"article:{article.Id}", "articles", $"section:{article.Section.Slug}", "sections" }.Concat(people).Concat(people.Count > 0 ? ["people"] : []).Order(StringComparer.Ordinal),
            first);
        Assert.Empty(again);
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // the bulk loader writes with SQLite statements
    public async Task ABulkLoad_PurgesEverything()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "dataset"), articles: 5);

        var purged = await _watch.PurgedByAsync(() => Command.RunAsync([dataset], TextWriter.Null, interactive: false, CancellationToken.None));

        Assert.Equal(["all"], purged);
    }
}
