using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.People;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import.Ndjson;

/// <summary>The bulk import's statements are made from the EF model, so they cannot drift from it.</summary>
[Trait("Provider", "Sqlite")]
public sealed class EntityUpsertTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryWrittenEntity_NamesEveryColumnOfItsTable()
    {
        await using var db = await _app.CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var transaction = connection.BeginTransaction();

        AssertAllColumns<Article>(db, EntityUpsert<Article>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<Person>(db, EntityUpsert<Person>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<Image>(db, EntityUpsert<Image>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<ArticleImage>(db, EntityUpsert<ArticleImage>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<Quote>(db, EntityUpsert<Quote>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<ReaderFeedback>(db, EntityUpsert<ReaderFeedback>.Upsert(db.Model, connection, transaction));
        AssertAllColumns<Byline>(db, EntityUpsert<Byline>.Insert(db.Model, connection, transaction));
        AssertAllColumns<Correction>(db, EntityUpsert<Correction>.Insert(db.Model, connection, transaction), except: "Id");
        AssertAllColumns<ArticleRevision>(db, EntityUpsert<ArticleRevision>.Insert(db.Model, connection, transaction), except: "Id");
    }

    [Fact]
    public async Task AnUpsertedArticle_ReadsBackAsEfCoreWouldHaveWrittenIt()
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = await db.Sections.FirstAsync();
        var written = new Article
        {
            Id = 9001, Slug = "upserted", Headline = "Upserted", RevisionLabel = "LEAD", Genre = "News Focus", IsUrgent = true, SectionId = section.Id,
            Status = ArticleStatus.Withdrawn, PublishedAt = new DateTime(2026, 3, 1, 3, 30, 0, DateTimeKind.Utc), PublishedOffsetMinutes = 540,
            UpdatedAt = new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc), DatelinePlaces = ["SEOUL", "BUSAN"], DatelineSource = "Yonhap",
            DatelineDate = "March 1", Language = "ko", Paragraphs = ["One, with é and 한국어.", "Two \"quoted\"."], Version = 3,
            EditorNotes = "Notes", WithdrawalNotice = "Gone", WithdrawnAt = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        };
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using (var transaction = connection.BeginTransaction())
        {
            using var upsert = EntityUpsert<Article>.Upsert(db.Model, connection, transaction);
            upsert.Write(written);
            transaction.Commit();
        }

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

    private static void AssertAllColumns<T>(DbContext db, EntityUpsert<T> upsert, string? except = null)
        where T : class
    {
        using (upsert)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!);
            var columns = entity.GetProperties().Select(p => p.GetColumnName(table)!).Where(c => c != except).ToList();
            var insert = upsert.Sql[..upsert.Sql.IndexOf(" VALUES", StringComparison.Ordinal)];
            Assert.Equal(columns.Order(), insert[(insert.IndexOf('(') + 1)..insert.LastIndexOf(')')].Split(", ").Select(c => c.Trim('"')).Order());
        }
    }
}
