using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// A prepared statement that writes entities of type <typeparamref name="T"/> as EF Core maps them:
/// table, columns and key come from the model, values from the model's property getters and value
/// converters (enums as numbers, lists as JSON, times as UTC). A column added to the model is written
/// without a change here. <see cref="Upsert"/> replaces the row with the same key;
/// <see cref="Insert"/> adds one and lets the database number it.
/// </summary>
internal sealed class EntityUpsert<T> : IDisposable
    where T : class
{
    private readonly IProperty[] _columns;
    private readonly (IClrPropertyGetter Get, Func<object?, object?>? ToProvider)[] _values;
    private readonly SqliteCommand _command;

    private EntityUpsert(IModel model, SqliteConnection connection, SqliteTransaction transaction, bool replace)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        _columns = [.. entity.GetProperties().Where(p => replace || !(key.Contains(p) && p.ValueGenerated == ValueGenerated.OnAdd))];
        // Looked up once: a batch writes thousands of rows.
        _values = [.. _columns.Select(p => (p.GetGetter(), p.GetTypeMapping().Converter?.ConvertToProvider))];
        string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(Column))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"$p{i}"))})";
        if (replace)
        {
            var updates = _columns.Where(p => !key.Contains(p)).Select(p => $"{Column(p)} = excluded.{Column(p)}");
            sql += $" ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET {string.Join(", ", updates)}";
        }
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < _columns.Length; i++)
            _command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        _command.Prepare();
    }

    public static EntityUpsert<T> Upsert(IModel model, SqliteConnection connection, SqliteTransaction transaction) => new(model, connection, transaction, replace: true);

    public static EntityUpsert<T> Insert(IModel model, SqliteConnection connection, SqliteTransaction transaction) => new(model, connection, transaction, replace: false);

    /// <summary>The statement, as prepared.</summary>
    public string Sql => _command.CommandText;

    public void Write(T entity)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var (get, toProvider) = _values[i];
            var value = get.GetClrValue(entity);
            if (value is not null && toProvider is not null)
                value = toProvider(value);
            _command.Parameters[i].Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
