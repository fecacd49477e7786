using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// How EF Core maps <typeparamref name="T"/>, for the bulk writers' own statements: the table, the
/// columns with their store types, the key, and each column's value as the model's property getter
/// and value converter give it (enums as numbers, lists as JSON on SQLite and arrays on PostgreSQL,
/// times as UTC). A column added to the model is written without a change to the writers.
/// </summary>
internal sealed class EntityColumns<T>
    where T : class
{
    private readonly (IClrPropertyGetter Get, Func<object?, object?>? ToProvider)[] _values;

    /// <param name="withGeneratedKey">False leaves out a key the database numbers, so it does.</param>
    public EntityColumns(IModel model, bool withGeneratedKey)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        var columns = entity.GetProperties().Where(p => withGeneratedKey || !(key.Contains(p) && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        TableName = table.Name;
        Table = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        Names = [.. columns.Select(p => Quote(p.GetColumnName(table)!))];
        StoreTypes = [.. columns.Select(p => p.GetColumnType(table))];
        Key = [.. key.Select(p => Quote(p.GetColumnName(table)!))];
        GeneratedKey = key is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated.GetColumnName(table) : null;
        // Looked up once: a batch writes thousands of rows.
        _values = [.. columns.Select(p => (p.GetGetter(), p.GetTypeMapping().Converter?.ConvertToProvider))];
    }

    /// <summary>The table's name, unquoted.</summary>
    public string TableName { get; }

    /// <summary>The table, quoted (with its schema, when it has one).</summary>
    public string Table { get; }

    /// <summary>The columns written, quoted, in the model's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The columns' store types, as the migrations create them (<c>character varying(200)</c>, <c>text[]</c>).</summary>
    public IReadOnlyList<string> StoreTypes { get; }

    /// <summary>The primary key's columns, quoted.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>The column of a single-column key the database numbers (unquoted), or null.</summary>
    public string? GeneratedKey { get; }

    public int Count => _values.Length;

    /// <summary><c>ON CONFLICT (key) DO UPDATE SET column = excluded.column, ...</c>: an upsert by key.</summary>
    public string OnConflictUpdate
        => $"ON CONFLICT ({string.Join(", ", Key)}) DO UPDATE SET {string.Join(", ", Names.Except(Key).Select(c => $"{c} = excluded.{c}"))}";

    /// <summary>The value the database stores in column <paramref name="column"/> for <paramref name="entity"/>.</summary>
    public object? Value(T entity, int column)
    {
        var (get, toProvider) = _values[column];
        var value = get.GetClrValue(entity);
        return value is not null && toProvider is not null ? toProvider(value) : value;
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
