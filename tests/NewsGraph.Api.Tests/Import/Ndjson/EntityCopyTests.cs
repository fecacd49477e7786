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

/// <summary>The bulk import's COPY and merge statements on PostgreSQL are made from the EF model, so they cannot drift from it.</summary>
public sealed class EntityCopyTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [PostgresFact]
    public async Task EveryWrittenEntity_NamesEveryColumnOfItsTable()
    {
        await using var db = await _app.CreateDbContextAsync();

        AssertAllColumns<Article>(db, EntityCopy<Article>.Upsert(db.Model));
        AssertAllColumns<Person>(db, EntityCopy<Person>.Upsert(db.Model));
        AssertAllColumns<Image>(db, EntityCopy<Image>.Upsert(db.Model));
        AssertAllColumns<ArticleImage>(db, EntityCopy<ArticleImage>.Upsert(db.Model));
        AssertAllColumns<Quote>(db, EntityCopy<Quote>.Upsert(db.Model));
        AssertAllColumns<ReaderFeedback>(db, EntityCopy<ReaderFeedback>.Upsert(db.Model));
        AssertAllColumns<Byline>(db, EntityCopy<Byline>.Insert(db.Model));
        AssertAllColumns<Correction>(db, EntityCopy<Correction>.Insert(db.Model), except: "Id");
        AssertAllColumns<ArticleRevision>(db, EntityCopy<ArticleRevision>.Insert(db.Model), except: "Id");
    }

    [PostgresFact]
    public async Task ACopiedArticle_ReadsBackAsEfCoreWouldHaveWrittenIt_AndCopyingItAgainReplacesIt()
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = await db.Sections.FirstAsync();
        var written = new Article
        {
            Id = 9001, Slug = "copied", Headline = "Copied", RevisionLabel = "LEAD", Genre = "News Focus", IsUrgent = true, SectionId = section.Id,
            Status = ArticleStatus.Withdrawn, PublishedAt = new DateTime(2026, 3, 1, 3, 30, 0, DateTimeKind.Utc).AddTicks(1234560), PublishedOffsetMinutes = 540,
            UpdatedAt = new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc), DatelinePlaces = ["SEOUL", "BUSAN"], DatelineSource = "Yonhap",
            DatelineDate = "March 1", Language = "ko", Paragraphs = ["One, with é and 한국어.", "Two \"quoted\", {braced}, back\\slashed."], Version = 3,
            EditorNotes = "Notes", WithdrawalNotice = "Gone", WithdrawnAt = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        };
        var upsert = EntityCopy<Article>.Upsert(db.Model);

        Copy(db, upsert, new Article { Id = 9001, Slug = "copied", Headline = "First", SectionId = section.Id, UpdatedAt = DateTime.UtcNow });
        Copy(db, upsert, written);

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

    private static void Copy(NewsDbContext db, EntityCopy<Article> upsert, Article article)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
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

    private static void AssertAllColumns<T>(DbContext db, EntityCopy<T> copy, string? except = null)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!);
        var columns = entity.GetProperties().Select(p => p.GetColumnName(table)!).Where(c => c != except).Order().ToList();
        Assert.Equal(columns, ColumnsOf(copy.CopySql).Order());
        if (copy.MergeSql is { } merge)
        {
            Assert.StartsWith($"INSERT INTO \"{table.Name}\" (", merge, StringComparison.Ordinal);
            Assert.Equal(columns, ColumnsOf(merge).Order());
        }
    }

    /// <summary>The column list of <c>COPY t (a, b) ...</c> or <c>INSERT INTO t (a, b) ...</c>.</summary>
    private static IEnumerable<string> ColumnsOf(string sql)
        => sql[(sql.IndexOf('(', StringComparison.Ordinal) + 1)..sql.IndexOf(')', StringComparison.Ordinal)].Split(", ").Select(c => c.Trim('"'));
}
