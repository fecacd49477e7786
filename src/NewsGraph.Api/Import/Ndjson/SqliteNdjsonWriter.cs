using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.Search;
using System.Text.Json;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The bulk import's writes on SQLite: prepared statements (<see cref="EntityUpsert{T}"/>), one
/// row at a time, which on an embedded database is as fast as anything.
/// </summary>
internal sealed class SqliteNdjsonWriter : NdjsonWriter
{
    private readonly SqliteConnection _connection;
    private readonly IModel _model;
    private readonly SearchIndexing _searchIndexing;

    public SqliteNdjsonWriter(SqliteConnection connection, IModel model, ImportedContent content, NdjsonValidator validator, DateTime now, SearchIndexing searchIndexing)
        : base(content, validator, now)
    {
        (_connection, _model, _searchIndexing) = (connection, model, searchIndexing);
        Execute("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
    }

    // With the backlog, the new stories are not in the index yet: search-index optimizes once they are.
    public override void Finish() => Execute(_searchIndexing == SearchIndexing.Backlog ? "ANALYZE;" : "ANALYZE; " + SqliteSearchIndex.OptimizeSql);

    protected override DbTransaction BeginTransaction() => _connection.BeginTransaction();

    protected override bool Refused(Exception exception) => exception is SqliteException;

    protected override void Upsert<T>(DbTransaction transaction, IEnumerable<T> entities)
    {
        using var upsert = EntityUpsert<T>.Upsert(_model, _connection, (SqliteTransaction)transaction);
        foreach (var entity in entities)
            upsert.Write(entity);
    }

    protected override void Write(DbTransaction transaction, ArticleBatch batch)
    {
        var sqlite = (SqliteTransaction)transaction;
        Upsert(transaction, batch.Articles);
        if (batch.Reloaded.Count > 0)
            Clear(sqlite, batch.Reloaded);
        Insert(sqlite, batch.Bylines);
        Insert(sqlite, batch.Corrections);
        Insert(sqlite, batch.Revisions);
        Upsert(transaction, batch.Images);
        Upsert(transaction, batch.Placements);
        Upsert(transaction, batch.Quotes);
    }

    protected override void DeferSearch(DbTransaction transaction, IReadOnlyList<int> reloaded)
        => Execute(SqliteSearchIndex.DeferSql, transaction, ("$reloaded", JsonSerializer.Serialize(reloaded)));

    protected override void RefreshSearch(DbTransaction transaction, IReadOnlyList<int> articles, IReadOnlyList<int> images)
        => Execute(_searchIndexing == SearchIndexing.Backlog ? SqliteSearchIndex.QueueSql : SqliteSearchIndex.RefreshSql, transaction, ("$articles", JsonSerializer.Serialize(articles)), ("$images", JsonSerializer.Serialize(images)));

    private void Insert<T>(SqliteTransaction transaction, List<T> entities)
        where T : class
    {
        using var insert = EntityUpsert<T>.Insert(_model, _connection, transaction);
        foreach (var entity in entities)
            insert.Write(entity);
    }

    /// <summary>Deletes the bylines, corrections, revisions, image placements and quotes of <paramref name="articles"/>.</summary>
    private void Clear(SqliteTransaction transaction, List<int> articles)
    {
        using var clear = _connection.CreateCommand();
        clear.Transaction = transaction;
        clear.CommandText = ArticleBatch.ClearSql(_model, "= $id");
        var id = clear.Parameters.Add("$id", SqliteType.Integer);
        clear.Prepare();
        foreach (var article in articles)
        {
            id.Value = article;
            clear.ExecuteNonQuery();
        }
    }

    private void Execute(string sql, DbTransaction? transaction = null, params (string Name, string Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
