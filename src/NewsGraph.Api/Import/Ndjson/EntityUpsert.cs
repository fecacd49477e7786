using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// A prepared SQLite statement that writes entities of type <typeparamref name="T"/> as EF Core maps
/// them (<see cref="EntityColumns{T}"/>). <see cref="Upsert"/> replaces the row with the same key;
/// <see cref="Insert"/> adds one and lets the database number it.
/// </summary>
internal sealed class EntityUpsert<T> : IDisposable
    where T : class
{
    private readonly EntityColumns<T> _columns;
    private readonly SqliteCommand _command;

    private EntityUpsert(IModel model, SqliteConnection connection, SqliteTransaction transaction, bool replace)
    {
        _columns = new EntityColumns<T>(model, withGeneratedKey: replace);
        var sql = $"INSERT INTO {_columns.Table} ({string.Join(", ", _columns.Names)}) VALUES ({string.Join(", ", _columns.Names.Select((_, i) => $"$p{i}"))})";
        if (replace)
            sql += " " + _columns.OnConflictUpdate;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < _columns.Count; i++)
            _command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        _command.Prepare();
    }

    public static EntityUpsert<T> Upsert(IModel model, SqliteConnection connection, SqliteTransaction transaction) => new(model, connection, transaction, replace: true);

    public static EntityUpsert<T> Insert(IModel model, SqliteConnection connection, SqliteTransaction transaction) => new(model, connection, transaction, replace: false);

    /// <summary>The statement, as prepared.</summary>
    public string Sql => _command.CommandText;

    public void Write(T entity)
    {
        for (var i = 0; i < _columns.Count; i++)
            _command.Parameters[i].Value = _columns.Value(entity, i) ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
