using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Api.Data.Sqlite;

/// <summary>
/// The command EF Core creates on a SQLite connection: it runs a command of the connection's
/// <see cref="SqliteStatementCache"/> for its text, so a query EF Core sends again reuses the
/// statements SQLite compiled for it instead of parsing and planning them anew. Disposing it returns
/// that command to the cache. EF Core sets the text first, then the transaction, the timeout and
/// the parameters, as every ADO.NET user does.
/// </summary>
internal sealed class ReusedSqliteCommand(SqliteConnection connection, SqliteStatementCache cache) : DbCommand
{
    private SqliteCommand? _command;
    private string _text = "";
    private SqliteTransaction? _transaction;
    private int? _timeout;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText
    {
        get => _text;
        set
        {
            var text = value ?? "";
            if (_command is not null && text == _text)
                return;
            Release();
            _text = text;
            _command = cache.Take(text);
        }
    }

    public override int CommandTimeout
    {
        get => _timeout ?? connection.DefaultTimeout;
        set => _timeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
                throw new ArgumentException("Only CommandType.Text is supported.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && value != connection)
                throw new InvalidOperationException("A reused SQLite command stays on the connection it was made for.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Command.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = (SqliteTransaction?)value;
    }

    private SqliteCommand Command => _command ??= cache.Take(_text);

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override void Prepare() => Ready().Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Release();
        base.Dispose(disposing);
    }

    private SqliteCommand Ready()
    {
        var command = Command;
        command.Transaction = _transaction;
        if (_timeout is { } timeout)
            command.CommandTimeout = timeout;
        return command;
    }

    private void Release()
    {
        if (_command is null)
            return;
        cache.Return(_command);
        _command = null;
    }
}
