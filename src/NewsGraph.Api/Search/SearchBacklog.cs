using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Data.PostgreSql;

namespace NewsGraph.Api.Search;

/// <summary>
/// The stories a bulk import on PostgreSQL loaded without indexing them (<see cref="Import.SearchIndexing.Backlog"/>),
/// worked off a batch at a time: by every server in the background (<see cref="SearchBacklogWorker"/>), and by the
/// <c>search-index</c> verb. A batch is taken with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the
/// work and no story is indexed twice at once. SQLite has no backlog: its imports index inline.
/// </summary>
public sealed class SearchBacklog(IDbContextFactory<NewsDbContext> dbFactory, IOptions<SearchOptions> options)
{
    /// <summary>Tags the backlog's statements, so database logs (and statement counts) tell them from a request's.</summary>
    public const string StatementTag = "NewsGraph: search backlog";

    // The tag is part of the text, not a parameter: statement logs show it.
    private static string Tagged(string sql) => $"-- {StatementTag}\n{sql}";

    /// <summary>Indexes the next batch of waiting stories that no one else holds; returns how many (0 when none, and on SQLite).</summary>
    public async Task<int> IndexNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db is not PostgresNewsDbContext)
            return 0;
        var batch = options.Value.BacklogBatchSize;
        return await db.Database.SqlQueryRaw<int>(Tagged("""SELECT search_backlog_drain(@p0) AS "Value" """), batch).SingleAsync(cancellationToken);
    }

    /// <summary>How many stories wait, including those being indexed right now.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db is not PostgresNewsDbContext)
            return 0;
        return await db.Database.SqlQueryRaw<int>(Tagged("""SELECT count(*)::int AS "Value" FROM "SearchBacklog" """)).SingleAsync(cancellationToken);
    }

    /// <summary>Queues every story, to rebuild the index (after a change of how it is built, say); returns how many.</summary>
    public async Task<int> QueueAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db is not PostgresNewsDbContext)
            return 0;
        return await db.Database.ExecuteSqlRawAsync(
            Tagged("""INSERT INTO "SearchBacklog" ("ArticleId") SELECT "Id" FROM "Articles" ON CONFLICT ("ArticleId") DO NOTHING"""), cancellationToken);
    }

    /// <summary>
    /// Indexes until nothing waits, including the batches other instances hold (it waits for them to
    /// commit); reports the stories it indexed itself as it goes, and returns their number.
    /// </summary>
    public async Task<int> IndexAllAsync(IProgress<int>? indexed, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var done = await IndexNextAsync(cancellationToken);
            total += done;
            indexed?.Report(total);
            if (done == 0 && await PendingAsync(cancellationToken) == 0)
                return total;
            if (done == 0)
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
