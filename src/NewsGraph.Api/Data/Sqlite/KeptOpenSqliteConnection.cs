using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsGraph.Api.Data.Sqlite;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal SQLite connection; see below for why we extend it.

/// <summary>
/// Keeps each pooled DbContext's SQLite connection open from its first query on, instead of opening
/// and closing it around every query. Microsoft.Data.Sqlite re-registers EF Core's dozen SQL
/// functions on the native connection at every open (each with a GC handle to finalize later); at a
/// few thousand queries a second that was a third of the server's CPU. A pooled context is used
/// by one resolver at a time, so its connection is never shared; it holds no read lock between
/// queries (WAL), and it is closed when the context leaves the pool.
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        // Left open: the next query of this context reuses it.
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
#pragma warning restore EF1001
