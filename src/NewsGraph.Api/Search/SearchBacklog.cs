using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Data.PostgreSql;

namespace NewsGraph.Api.Search;

/// <summary>
/// The stories a bulk import loaded without indexing them for search (<see cref="Import.SearchIndexing.Backlog"/>),
/// worked off a batch at a time: by every server in the background (<see cref="SearchBacklogWorker"/>), and by
/// the <c>search-index</c> verb. On PostgreSQL a batch is taken with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// instances share the work; on SQLite a batch is one write transaction, and SQLite has one writer.
/// </summary>
public sealed class SearchBacklog(IDbContextFactory<NewsDbContext> dbFactory, IOptions<SearchOptions> options)
{
    /// <summary>Tags the backlog's statements, so database logs (and statement counts) tell them from a request's.</summary>
    public const string StatementTag = "NewsGraph: search backlog";

    private const string PostgresIndexNext = """SELECT search_backlog_drain(@p0) AS "Value" """;
    private const string AnyWaiting = """SELECT EXISTS (SELECT 1 FROM "SearchBacklog") AS "Value" """;
    private const string Pending = """SELECT count(*) AS "Value" FROM "SearchBacklog" """;
    private const string PostgresQueueAll = """INSERT INTO "SearchBacklog" ("ArticleId") SELECT "Id" FROM "Articles" ON CONFLICT ("ArticleId") DO NOTHING""";
    private const string SqliteQueueAll = """INSERT OR IGNORE INTO "SearchBacklog" ("ArticleId") SELECT "Id" FROM "Articles" """;

    /// <summary>Indexes the next batch of waiting stories that no one else holds; returns how many (0 when none).</summary>
    public async Task<int> IndexNextAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.BacklogBatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db is PostgresNewsDbContext)
            return await db.Database.SqlQueryRaw<int>(Tagged(PostgresIndexNext), batch).SingleAsync(cancellationToken);

        // A write transaction takes SQLite's one write lock: an idle server's poll only reads.
        if (!await db.Database.SqlQueryRaw<bool>(Tagged(AnyWaiting)).SingleAsync(cancellationToken))
            return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = Tagged(SqliteSearchIndex.IndexBacklogSql);
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$batch", batch);
        command.Parameters.Add(parameter);
        var taken = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return taken;
    }

    /// <summary>How many stories wait, including those being indexed right now.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (int)await db.Database.SqlQueryRaw<long>(Tagged(Pending)).SingleAsync(cancellationToken);
    }

    /// <summary>Queues every story, to rebuild the index (after a change of how it is built, say); returns how many.</summary>
    public async Task<int> QueueAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.ExecuteSqlRawAsync(Tagged(db is PostgresNewsDbContext ? PostgresQueueAll : SqliteQueueAll), cancellationToken);
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

    /// <summary>
    /// On SQLite, merges the FTS5 indexes' segments into one each, as a bulk load that indexes inline
    /// does at its end: a search then reads one list per word. It holds the write lock for seconds on a
    /// large index, so servers leave it to <c>search-index</c>. PostgreSQL's GIN indexes need nothing.
    /// </summary>
    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db is not PostgresNewsDbContext)
            await db.Database.ExecuteSqlRawAsync(Tagged(SqliteSearchIndex.OptimizeSql), cancellationToken);
    }

    // The tag is part of the text, not a parameter: statement logs show it.
    private static string Tagged(string sql) => $"-- {StatementTag}\n{sql}";
}
