using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

/// <summary>
/// A bulk import beside a transaction that works off the search backlog, as every server does: it
/// holds a story's backlog row (taken and deleted) and then wants the story itself. On PostgreSQL an
/// import batch reloading that story holds the story and then wants its backlog row, a deadlock
/// PostgreSQL ends by failing one of the two; SQLite has one writer, so the batch waits instead.
/// </summary>
public sealed class ImportConflictTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-conflict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AReimport_ThatMeetsTheBacklogsDrain_CompletesWithEveryRow()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 20);
        using var app = new NewsGraphApplication();
        app.Settings["Seed:Path"] = Directory.CreateDirectory(Path.Combine(_folder, "no-seeds")).FullName;
        app.Settings["Import:BatchSize"] = "7";
        app.Settings["Search:IndexBacklogInBackground"] = "false";
        var importer = app.Services.GetRequiredService<NdjsonImporter>();
        Assert.True((await importer.ImportAsync(dataset)).Succeeded);

        await using var drain = await app.CreateDbContextAsync();
        await using var transaction = await drain.Database.BeginTransactionAsync();
        await drain.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchBacklog" WHERE "ArticleId" = 1""");
        var reimport = Task.Run(() => importer.ImportAsync(dataset));
        await WaitUntilWaitingAsync(app, reimport);
        if (TestDatabase.IsPostgres)
            await drain.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Articles" WHERE "Id" = 1 FOR SHARE""");
        await transaction.CommitAsync();
        var report = await reimport.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(20, await db.Articles.CountAsync());
        Assert.Equal(20, await db.Database.SqlQueryRaw<int>("""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "SearchBacklog" """).SingleAsync());
    }

    /// <summary>Until the import waits for the drain's lock: on PostgreSQL as the server reports it, on SQLite by its not finishing.</summary>
    private static async Task WaitUntilWaitingAsync(NewsGraphApplication app, Task reimport)
    {
        if (!TestDatabase.IsPostgres)
        {
            await Task.Delay(300);
            Assert.False(reimport.IsCompleted, "the import did not wait for the other writer");
            return;
        }
        await using var observer = await app.CreateDbContextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        const string Waiting = """SELECT CAST(count(*) AS INTEGER) AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""";
        while (await observer.Database.SqlQueryRaw<int>(Waiting).SingleAsync() == 0)
        {
            Assert.False(reimport.IsCompleted || DateTime.UtcNow > deadline, "the import never waited for the backlog row");
            await Task.Delay(10);
        }
    }
}
