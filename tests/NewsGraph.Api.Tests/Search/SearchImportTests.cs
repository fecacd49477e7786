using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Import;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Search;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>The imports keep the index in step: wire stories one by one, bulk files a batch at a time, reloads replacing what they replace.</summary>
public sealed class SearchImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-search-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<int> CountAsync(NewsGraphApplication app, string query, string? role = null)
    {
        var response = await app.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = query }, token: app.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("search").GetProperty("totalCount").GetInt32();
    }

    /// <summary>An application with no content, whose servers index the search backlog or (when not <paramref name="indexInBackground"/>) leave it to the test.</summary>
    private NewsGraphApplication EmptyApp(bool indexInBackground = true)
    {
        var app = new NewsGraphApplication();
        app.Settings["Seed:Path"] = Directory.CreateDirectory(Path.Combine(_folder, "no-seeds")).FullName;
        app.Settings["Search:IndexBacklogInBackground"] = indexInBackground ? "true" : "false";
        return app;
    }

    private static Task<int> IndexBacklogAsync(NewsGraphApplication app)
        => app.Services.GetRequiredService<SearchBacklog>().IndexAllAsync(null, CancellationToken.None);

    [Fact]
    public async Task AWireStory_IsFoundOnceImported()
    {
        using var app = new NewsGraphApplication();
        var story = Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories", "afp_dateline_paris.txt");
        Assert.Equal(0, await CountAsync(app, "Paris"));

        using var output = new StringWriter();
        Assert.Equal(0, await app.Services.GetRequiredService<ImportCommand>().RunAsync([story], output, interactive: false, CancellationToken.None));

        Assert.Equal(1, await CountAsync(app, "Paris"));
    }

    [Fact]
    public async Task ABulkImport_IndexesEveryBatch_AndAReloadReplacesWhatItChanged()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApp();
        app.Settings["Import:BatchSize"] = "7";
        var importer = app.Services.GetRequiredService<NdjsonImporter>();

        Assert.True((await importer.ImportAsync(dataset)).Succeeded);
        await IndexBacklogAsync(app);

        Assert.Equal(27, await CountAsync(app, "bulk tariffs"));
        Assert.Equal(30, await CountAsync(app, "bulk tariffs", "editor"));
        Assert.Equal(1, await CountAsync(app, "\"photo 2 of bulk story 14\""));
        Assert.Equal(1, await CountAsync(app, "\"quote 1 of bulk story 13\""));

        var articles = Path.Combine(dataset, "articles.ndjson");
        File.WriteAllLines(articles, File.ReadAllLines(articles).Select(l => l.Replace("Bulk story 14 about tariffs", "Bulk story 14 about walruses", StringComparison.Ordinal)));
        var images = Path.Combine(dataset, "images.ndjson");
        File.WriteAllLines(images, File.ReadAllLines(images).Select(l => l.Replace("Photo 2 of bulk story 14", "Pelicans in bulk story 14", StringComparison.Ordinal)));
        Assert.True((await importer.ImportAsync(dataset)).Succeeded);
        await IndexBacklogAsync(app);

        Assert.Equal(26, await CountAsync(app, "bulk tariffs"));
        Assert.Equal(1, await CountAsync(app, "walruses pelicans"));
        Assert.Equal(0, await CountAsync(app, "\"photo 2 of bulk story 14\""));
        Assert.Equal(1, await CountAsync(app, "\"quote 1 of bulk story 13\""));
    }

    [Fact]
    public async Task ABulkImport_LeavesItsStoriesToTheBacklog_AndTheyAreFoundOnceIndexed()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApp(indexInBackground: false);
        var backlog = app.Services.GetRequiredService<SearchBacklog>();

        Assert.True((await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset)).Succeeded);

        Assert.Equal(30, await backlog.PendingAsync(CancellationToken.None));
        Assert.Equal(0, await CountAsync(app, "bulk tariffs", "editor"));
        Assert.Equal(30, await backlog.IndexAllAsync(null, CancellationToken.None));
        Assert.Equal(0, await backlog.PendingAsync(CancellationToken.None));
        Assert.Equal(30, await CountAsync(app, "bulk tariffs", "editor"));
        Assert.Equal(27, await CountAsync(app, "bulk tariffs"));
    }

    [Fact]
    public async Task ABulkImport_IndexingInline_IsFoundAtOnce()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApp(indexInBackground: false);
        app.Settings["Import:SearchIndexing"] = "Inline";

        Assert.True((await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset)).Succeeded);

        Assert.Equal(0, await app.Services.GetRequiredService<SearchBacklog>().PendingAsync(CancellationToken.None));
        Assert.Equal(30, await CountAsync(app, "bulk tariffs", "editor"));
        Assert.Equal(1, await CountAsync(app, "\"photo 2 of bulk story 14\""));
    }

    [Fact]
    public async Task AReloadThatWithdrawsAStory_TakesItOutOfSearchBeforeTheBacklogReachesIt()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApp(indexInBackground: false);
        var importer = app.Services.GetRequiredService<NdjsonImporter>();
        Assert.True((await importer.ImportAsync(dataset)).Succeeded);
        await IndexBacklogAsync(app);
        Assert.Equal(1, await CountAsync(app, "\"bulk story 14 about\""));

        var articles = Path.Combine(dataset, "articles.ndjson");
        File.WriteAllLines(articles, File.ReadAllLines(articles).Select(l => l.Contains("\"id\":14,", StringComparison.Ordinal)
            ? l.Replace("\"PUBLISHED\"", "\"WITHDRAWN\"", StringComparison.Ordinal) : l));
        Assert.True((await importer.ImportAsync(dataset)).Succeeded);

        Assert.Equal(0, await CountAsync(app, "\"bulk story 14 about\""));
        await IndexBacklogAsync(app);
        Assert.Equal(0, await CountAsync(app, "\"bulk story 14 about\""));
        Assert.Equal(1, await CountAsync(app, "\"bulk story 14 about\"", "editor"));
    }

    [Fact]
    public async Task TheServers_WorkOffTheBacklogByThemselves()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApp();
        app.Settings["Search:BacklogPollInterval"] = "00:00:00.100";
        app.Settings["Search:BacklogBatchSize"] = "7";

        Assert.True((await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset)).Succeeded);

        var backlog = app.Services.GetRequiredService<SearchBacklog>();
        for (var i = 0; i < 200 && await backlog.PendingAsync(CancellationToken.None) > 0; i++)
            await Task.Delay(50);
        Assert.Equal(0, await backlog.PendingAsync(CancellationToken.None));
        Assert.Equal(30, await CountAsync(app, "bulk tariffs", "editor"));
    }
}
