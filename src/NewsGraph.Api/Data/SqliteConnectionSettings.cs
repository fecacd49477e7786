using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.Api.Data;

/// <summary>
/// Settings SQLite keeps per connection, not in the file, applied once to each pooled handle:
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>: in WAL mode a commit is written to the log but not fsynced
/// at once. A killed process loses nothing (the operating system has the write); a power cut may
/// lose the last commits before a checkpoint. FULL would fsync every commit, which on this kind
/// of disk caps writes at a few hundred per second.</item>
/// <item><c>mmap_size</c>: reads go through a memory map instead of a system call per page.</item>
/// <item><c>busy_timeout</c> is Microsoft.Data.Sqlite's (the command timeout), left as it is.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;";

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
