using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// Writes entities of type <typeparamref name="T"/> to PostgreSQL with binary COPY, as EF Core maps
/// them (<see cref="EntityColumns{T}"/>). <see cref="Upsert"/> copies into a temporary staging table
/// of the same columns (<see cref="StagingSql"/>, emptied at every commit), then <see cref="MergeSql"/>
/// moves the rows into the table, replacing those with the same key, and moves the table's identity
/// sequence past the ids it wrote. Keys must be unique within one copy, as <c>ON CONFLICT DO UPDATE</c>
/// requires. <see cref="Insert"/> copies into the table itself and lets the database number the rows.
/// </summary>
internal sealed class EntityCopy<T>
    where T : class
{
    private readonly EntityColumns<T> _columns;
    private readonly string[] _dataTypes;

    private EntityCopy(IModel model, bool upsert)
    {
        _columns = new EntityColumns<T>(model, withGeneratedKey: upsert);
        _dataTypes = [.. _columns.StoreTypes.Select(DataTypeName)];
        var columns = string.Join(", ", _columns.Names);
        var target = _columns.Table;
        if (upsert)
        {
            target = $"pg_temp.{EntityColumns<T>.Quote("import_" + _columns.TableName)}";
            StagingSql = $"CREATE TEMPORARY TABLE IF NOT EXISTS {target} ({string.Join(", ", _columns.Names.Zip(_columns.StoreTypes, (c, t) => $"{c} {t}"))}) ON COMMIT DELETE ROWS";
            MergeSql = $"INSERT INTO {_columns.Table} ({columns}) SELECT {columns} FROM {target} {_columns.OnConflictUpdate}" + SequenceSql(target);
        }
        CopySql = $"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)";
    }

    public static EntityCopy<T> Upsert(IModel model) => new(model, upsert: true);

    public static EntityCopy<T> Insert(IModel model) => new(model, upsert: false);

    /// <summary>Creates the staging table of an upsert (for the session); null for an insert.</summary>
    public string? StagingSql { get; }

    public string CopySql { get; }

    /// <summary>Moves the staged rows into the table (an upsert); null for an insert.</summary>
    public string? MergeSql { get; }

    /// <summary>Copies <paramref name="entities"/> (into the staging table of an upsert: then run <see cref="MergeSql"/>).</summary>
    public void Copy(NpgsqlConnection connection, IEnumerable<T> entities)
    {
        using var rows = entities.GetEnumerator();
        if (!rows.MoveNext())
            return;
        using var import = connection.BeginBinaryImport(CopySql);
        do
        {
            import.StartRow();
            for (var i = 0; i < _columns.Count; i++)
            {
                if (_columns.Value(rows.Current, i) is { } value)
                    import.Write(value, _dataTypes[i]);
                else
                    import.WriteNull();
            }
        }
        while (rows.MoveNext());
        import.Complete();
    }

    /// <summary>
    /// Rows written with their own ids leave the identity sequence behind; moved past the largest
    /// id of the copy (never back, so ids the application already took stay taken), later inserts
    /// that let the database number the row do not collide with them.
    /// </summary>
    private string SequenceSql(string staging)
    {
        if (_columns.GeneratedKey is not { } key)
            return "";
        var sequence = $"pg_get_serial_sequence('{_columns.Table.Replace("'", "''", StringComparison.Ordinal)}', '{key.Replace("'", "''", StringComparison.Ordinal)}')";
        return $"; SELECT setval({sequence}, GREATEST(m, COALESCE(pg_sequence_last_value({sequence}::regclass), 0))) " +
            $"FROM (SELECT MAX({EntityColumns<T>.Quote(key)}) AS m FROM {staging}) AS copied WHERE m IS NOT NULL";
    }

    /// <summary>The type name binary COPY sends a value as: the store type without its size (<c>character varying</c>).</summary>
    private static string DataTypeName(string storeType)
    {
        var facets = storeType.IndexOf('(', StringComparison.Ordinal);
        return facets < 0 ? storeType : storeType[..facets] + storeType[(storeType.IndexOf(')', facets) + 1)..];
    }
}
