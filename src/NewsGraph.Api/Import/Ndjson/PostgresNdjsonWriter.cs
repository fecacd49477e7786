using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Search;
using Npgsql;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The bulk import's writes on PostgreSQL: a batch goes over in binary COPY (<see cref="EntityCopy{T}"/>),
/// into temporary staging tables for the rows that keep their ids, which a few statements then
/// move into the tables: a round trip per table and batch instead of one per row.
/// </summary>
internal sealed class PostgresNdjsonWriter : NdjsonWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly IModel _model;
    private readonly Dictionary<Type, object> _upserts;
    private readonly EntityCopy<Byline> _bylines;
    private readonly EntityCopy<Correction> _corrections;
    private readonly EntityCopy<ArticleRevision> _revisions;
    private readonly SearchIndexing _searchIndexing;

    public PostgresNdjsonWriter(NpgsqlConnection connection, IModel model, ImportedContent content, NdjsonValidator validator, DateTime now, SearchIndexing searchIndexing)
        : base(content, validator, now)
    {
        (_connection, _model, _searchIndexing) = (connection, model, searchIndexing);
        _upserts = new()
        {
            [typeof(Person)] = EntityCopy<Person>.Upsert(model),
            [typeof(ReaderFeedback)] = EntityCopy<ReaderFeedback>.Upsert(model),
            [typeof(Article)] = EntityCopy<Article>.Upsert(model),
            [typeof(Image)] = EntityCopy<Image>.Upsert(model),
            [typeof(ArticleImage)] = EntityCopy<ArticleImage>.Upsert(model),
            [typeof(Quote)] = EntityCopy<Quote>.Upsert(model),
        };
        // Lists are replaced, never updated in place: they are inserted, and numbered by the database.
        _bylines = EntityCopy<Byline>.Insert(model);
        _corrections = EntityCopy<Correction>.Insert(model);
        _revisions = EntityCopy<ArticleRevision>.Insert(model);
        Execute(string.Join("; ", new[] { Staging<Person>(), Staging<ReaderFeedback>(), Staging<Article>(), Staging<Image>(), Staging<ArticleImage>(), Staging<Quote>() }));
        // Paragraphs are most of the bytes and go to TOAST compressed: lz4 compresses them in about half
        // the time pglz takes (the server's default; readers decompress either), where the server has it.
        Execute("SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)");
    }

    /// <summary>The PostgreSQL counterpart of SQLite's <c>ANALYZE</c>: the statistics of every table the import writes.</summary>
    public override void Finish()
    {
        var tables = new[] { typeof(Section), typeof(Person), typeof(Article), typeof(Byline), typeof(Correction), typeof(ArticleRevision), typeof(Image), typeof(ArticleImage), typeof(Quote), typeof(ReaderFeedback) }
            .Select(type => _model.FindEntityType(type)!)
            .Select(entity => entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"");
        Execute($"ANALYZE {string.Join(", ", tables)}, {PostgresSearchIndex.Table}");
    }

    protected override DbTransaction BeginTransaction() => _connection.BeginTransaction();

    /// <summary>Errors of the data (a constraint, a value too long, a trigger's refusal), not of the connection or the server.</summary>
    protected override bool Refused(Exception exception) => exception is PostgresException { IsTransient: false };

    protected override bool Conflicted(Exception exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    protected override void Upsert<T>(DbTransaction transaction, IEnumerable<T> entities)
    {
        var upsert = Upserts<T>();
        upsert.Copy(_connection, entities);
        Execute(upsert.MergeSql!, transaction);
    }

    protected override void Write(DbTransaction transaction, ArticleBatch batch)
    {
        // The articles first: every other row names one. A reloaded article loses its old lists.
        var articles = Upserts<Article>();
        articles.Copy(_connection, batch.Articles);
        using (var merge = Command(articles.MergeSql!, transaction))
        {
            if (batch.Reloaded.Count > 0)
            {
                merge.CommandText = ArticleBatch.ClearSql(_model, "= ANY(@reloaded)") + "; " + merge.CommandText;
                merge.Parameters.Add(new NpgsqlParameter<int[]>("reloaded", [.. batch.Reloaded]));
            }
            merge.ExecuteNonQuery();
        }
        _bylines.Copy(_connection, batch.Bylines);
        _corrections.Copy(_connection, batch.Corrections);
        _revisions.Copy(_connection, batch.Revisions);
        var (images, placements, quotes) = (Upserts<Image>(), Upserts<ArticleImage>(), Upserts<Quote>());
        images.Copy(_connection, batch.Images);
        placements.Copy(_connection, batch.Placements);
        quotes.Copy(_connection, batch.Quotes);
        Execute($"{images.MergeSql}; {placements.MergeSql}; {quotes.MergeSql}", transaction);
    }

    protected override void DeferSearch(DbTransaction transaction, IReadOnlyList<int> reloaded) => Execute(PostgresSearchIndex.DeferSql, transaction);

    protected override void RefreshSearch(DbTransaction transaction, IReadOnlyList<int> articles, IReadOnlyList<int> images)
    {
        using var refresh = Command(_searchIndexing == SearchIndexing.Backlog ? PostgresSearchIndex.QueueSql : PostgresSearchIndex.RefreshSql, transaction);
        refresh.Parameters.Add(new NpgsqlParameter<int[]>("articles", [.. articles]));
        refresh.Parameters.Add(new NpgsqlParameter<int[]>("images", [.. images]));
        refresh.ExecuteNonQuery();
    }

    private EntityCopy<T> Upserts<T>()
        where T : class
        => (EntityCopy<T>)_upserts[typeof(T)];

    private string Staging<T>()
        where T : class
        => Upserts<T>().StagingSql!;

    // No timeout: a merge on a busy server, or ANALYZE of a large load, may take longer than the
    // default 30 s, and giving up would only leave the import to be run again.
    private NpgsqlCommand Command(string sql, DbTransaction? transaction)
        => new(sql, _connection, (NpgsqlTransaction?)transaction) { CommandTimeout = 0 };

    private void Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }
}
