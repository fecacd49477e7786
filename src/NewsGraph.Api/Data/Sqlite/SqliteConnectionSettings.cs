using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.Api.Data.Sqlite;

/// <summary>
/// Settings SQLite keeps per connection, not in the file, applied once to each pooled handle:
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>: in WAL mode a commit is written to the log but not fsynced
/// at once. A killed process loses nothing (the operating system has the write); a power cut may
/// lose the last commits before a checkpoint. FULL would fsync every commit, which on this kind
/// of disk caps writes at a few hundred per second.</item>
/// <item><c>busy_timeout</c>: a writer that finds another writer's lock waits inside SQLite, which
/// retries after a millisecond or two. Without it Microsoft.Data.Sqlite retries by itself after
/// sleeping 150 ms, so concurrent feedback stalled for a sixth of a second at a time.</item>
/// <item><c>cache_size</c> 16 MB instead of 2 MB: a headline search on the 100k dataset reads about
/// 3,000 rows by id, some 12 MB of pages; a cache smaller than that re-read nearly all of them on
/// every request (a 12 MB cache: 58 req/s; 16 MB: 177-236). docs/benchmarks.md has the limit of this.</item>
/// <item><c>soft_heap_limit</c> 192 MB, process-wide (twelve full caches, the context pool's
/// size): Microsoft.Data.Sqlite's own pool keeps a handle, and its cache, for every connection
/// that was ever open at once, so 32 concurrent 100k searches filled 32 caches (peak 417 MB).
/// Above the limit SQLite reuses cache pages instead of allocating (peak 332 MB, same req/s;
/// 128 MB halved the 100k search's req/s).</item>
/// <item>No <c>mmap_size</c>: each connection would map the file on its own, and the pages every
/// mapping touched counted again in the process's memory (1.8 GB resident on the 100k dataset).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -16384; PRAGMA soft_heap_limit = 201326592;";

    // Microsoft.Data.Sqlite pools the native handles; a handle keeps its settings, so each is set once.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _))
            return;
        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
