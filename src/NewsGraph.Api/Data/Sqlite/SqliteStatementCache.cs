using Microsoft.Data.Sqlite;

namespace NewsGraph.Api.Data.Sqlite;

/// <summary>
/// One connection's idle commands by SQL text, each holding the statements SQLite compiled for it
/// the first time it ran (Microsoft.Data.Sqlite keeps them until the text changes or the command is
/// disposed). At most <see cref="Capacity"/> texts are kept; the one used longest ago goes first.
/// Used by one DbContext at a time, like the connection itself; locked all the same, as that is cheap.
/// </summary>
internal sealed class SqliteStatementCache(SqliteConnection connection)
{
    public const int Capacity = 128;

    private readonly Dictionary<string, LinkedListNode<(string Sql, SqliteCommand Command)>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Sql, SqliteCommand Command)> _recency = new();

    /// <summary>An idle command for <paramref name="sql"/>, compiled already if it ran before on this connection.</summary>
    public SqliteCommand Take(string sql)
    {
        lock (_recency)
        {
            if (_idle.Remove(sql, out var node))
            {
                _recency.Remove(node);
                return node.Value.Command;
            }
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Keeps <paramref name="command"/> for the next run of its text (a second one of the same text is disposed).</summary>
    public void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        SqliteCommand? evicted;
        lock (_recency)
        {
            if (command.Connection != connection || _idle.ContainsKey(command.CommandText))
            {
                evicted = command;
            }
            else
            {
                _idle[command.CommandText] = _recency.AddFirst((command.CommandText, command));
                evicted = _idle.Count > Capacity && _recency.Last is { } oldest ? Evict(oldest) : null;
            }
        }
        evicted?.Dispose();
    }

    private SqliteCommand Evict(LinkedListNode<(string Sql, SqliteCommand Command)> node)
    {
        _recency.Remove(node);
        _idle.Remove(node.Value.Sql);
        return node.Value.Command;
    }
}
