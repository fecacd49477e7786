using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.Api.Data.Sqlite;

/// <summary>
/// Hands EF Core a <see cref="ReusedSqliteCommand"/> whenever it creates a command, so each
/// connection keeps its compiled statements (<see cref="SqliteStatementCache"/>). Neither EF Core nor
/// Microsoft.Data.Sqlite reuses them across commands, and SQLite parsed and planned every statement
/// of every request anew. Other interceptors, diagnostics and tracing still see every command run.
/// </summary>
public sealed class SqliteStatementReuse : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<SqliteConnection, SqliteStatementCache> _caches = [];

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        if (result.HasResult || eventData.Connection is not SqliteConnection connection)
            return result;
        var cache = _caches.GetValue(connection, static c => new SqliteStatementCache(c));
        return InterceptionResult<DbCommand>.SuppressWithResult(new ReusedSqliteCommand(connection, cache));
    }
}
