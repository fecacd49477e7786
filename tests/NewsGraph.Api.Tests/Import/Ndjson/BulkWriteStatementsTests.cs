using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.People;
using NewsGraph.Api.Tests.Infrastructure;
using Npgsql;

namespace NewsGraph.Api.Tests.Import.Ndjson;

/// <summary>
/// The bulk import's statements are made from the EF model, so they cannot drift from it: on SQLite
/// its prepared upserts (<see cref="EntityUpsert{T}"/>), on PostgreSQL its COPY and merge
/// statements (<see cref="EntityCopy{T}"/>); the provider under test decides which are checked.
/// </summary>
public sealed class BulkWriteStatementsTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryWrittenEntity_NamesEveryColumnOfItsTable()
    {
        await using var db = await _app.CreateDbContextAsync();
        var columns = TestDatabase.IsPostgres ? CopyColumns(db) : await UpsertColumnsAsync(db);

        foreach (var (type, written, except) in columns)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!);
            var expected = entity.GetProperties().Select(p => p.GetColumnName(table)!).Where(c => c != except).Order();
            foreach (var statement in written)
                Assert.Equal(expected, statement.Order());
        }
    }

    [Fact]
    public async Task ABulkWrittenArticle_ReadsBackAsEfCoreWouldHaveWrittenIt_AndWritingItAgainReplacesIt()
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = await db.Sections.FirstAsync();
        var written = new Article
        {
            Id = 9001, Slug = "bulk-written", Headline = "Bulk written", RevisionLabel = "LEAD", Genre = "News Focus", IsUrgent = true, SectionId = section.Id,
            Status = ArticleStatus.Withdrawn, PublishedAt = new DateTime(2026, 3, 1, 3, 30, 0, DateTimeKind.Utc).AddTicks(1234560), PublishedOffsetMinutes = 540,
            UpdatedAt = new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc), DatelinePlaces = ["SEOUL", "BUSAN"], DatelineSource = "Yonhap",
            DatelineDate = "March 1", Language = "ko", Paragraphs = ["One, with é and 한국어.", "Two \"quoted\", {braced}, back\\slashed."], Version = 3,
            EditorNotes = "Notes", WithdrawalNotice = "Gone", WithdrawnAt = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        };

        await WriteAsync(db, new Article { Id = 9001, Slug = "bulk-written", Headline = "First", SectionId = section.Id, UpdatedAt = DateTime.UtcNow });
        await WriteAsync(db, written);

        await using var check = await _app.CreateDbContextAsync();
        var read = await check.Articles.AsNoTracking().SingleAsync(a => a.Id == 9001);
        foreach (var property in check.Model.FindEntityType(typeof(Article))!.GetProperties())
        {
            var (expected, actual) = (property.PropertyInfo!.GetValue(written), property.PropertyInfo.GetValue(read));
            if (expected is IEnumerable<string> list)
                Assert.Equal(list, (IEnumerable<string>)actual!);
            else
                Assert.True(Equals(expected, actual), $"{property.Name}: {expected} was read back as {actual}");
        }
    }

    private static async Task WriteAsync(NewsDbContext db, Article article)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            Copy(postgres, EntityCopy<Article>.Upsert(db.Model), article);
            return;
        }
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        await sqlite.OpenAsync();
        using var transaction = sqlite.BeginTransaction();
        using (var upsert = EntityUpsert<Article>.Upsert(db.Model, sqlite, transaction))
            upsert.Write(article);
        transaction.Commit();
    }

    private static void Copy(NpgsqlConnection connection, EntityCopy<Article> upsert, Article article)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            connection.Open();
        using (var staging = new NpgsqlCommand(upsert.StagingSql, connection))
            staging.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        upsert.Copy(connection, [article]);
        using (var merge = new NpgsqlCommand(upsert.MergeSql, connection, transaction))
            merge.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Each entity type with the column lists of its COPY and merge statements, and a column left to the database.</summary>
    private static List<(Type, IEnumerable<string>[], string?)> CopyColumns(NewsDbContext db)
    {
        (Type, IEnumerable<string>[], string?) Of<T>(EntityCopy<T> copy, string? except = null)
            where T : class
            => (typeof(T), copy.MergeSql is { } merge ? [ColumnsOf(copy.CopySql), ColumnsOf(merge)] : [ColumnsOf(copy.CopySql)], except);
        return
        [
            Of(EntityCopy<Article>.Upsert(db.Model)), Of(EntityCopy<Person>.Upsert(db.Model)), Of(EntityCopy<Image>.Upsert(db.Model)),
            Of(EntityCopy<ArticleImage>.Upsert(db.Model)), Of(EntityCopy<Quote>.Upsert(db.Model)), Of(EntityCopy<ReaderFeedback>.Upsert(db.Model)),
            Of(EntityCopy<Byline>.Insert(db.Model)), Of(EntityCopy<Correction>.Insert(db.Model), "Id"), Of(EntityCopy<ArticleRevision>.Insert(db.Model), "Id"),
        ];
    }

    /// <summary>Each entity type with the column list of its prepared upsert or insert, and a column left to the database.</summary>
    private static async Task<List<(Type, IEnumerable<string>[], string?)>> UpsertColumnsAsync(NewsDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var transaction = connection.BeginTransaction();
        (Type, IEnumerable<string>[], string?) Of<T>(EntityUpsert<T> upsert, string? except = null)
            where T : class
        {
            using (upsert)
                return (typeof(T), [ColumnsOf(upsert.Sql)], except);
        }
        return
        [
            Of(EntityUpsert<Article>.Upsert(db.Model, connection, transaction)), Of(EntityUpsert<Person>.Upsert(db.Model, connection, transaction)),
            Of(EntityUpsert<Image>.Upsert(db.Model, connection, transaction)), Of(EntityUpsert<ArticleImage>.Upsert(db.Model, connection, transaction)),
            Of(EntityUpsert<Quote>.Upsert(db.Model, connection, transaction)), Of(EntityUpsert<ReaderFeedback>.Upsert(db.Model, connection, transaction)),
            Of(EntityUpsert<Byline>.Insert(db.Model, connection, transaction)),
            Of(EntityUpsert<Correction>.Insert(db.Model, connection, transaction), "Id"), Of(EntityUpsert<ArticleRevision>.Insert(db.Model, connection, transaction), "Id"),
        ];
    }

    /// <summary>The column list of <c>COPY t (a, b) ...</c> or <c>INSERT INTO t (a, b) ...</c>.</summary>
    private static List<string> ColumnsOf(string sql)
        => sql[(sql.IndexOf('(', StringComparison.Ordinal) + 1)..sql.IndexOf(')', StringComparison.Ordinal)].Split(", ").Select(c => c.Trim('"')).ToList();
}
