using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

/// <summary>What a bulk import leaves the database: planner statistics, refusals it reports, identities it moves on, and what it does when another writer holds its rows.</summary>
public sealed class NdjsonImportDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-ndjson-db-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private NewsGraphApplication EmptyApplication()
    {
        var app = new NewsGraphApplication();
        app.Settings["Seed:Path"] = Directory.CreateDirectory(Path.Combine(_folder, "no-seeds")).FullName;
        app.Settings["Import:BatchSize"] = "7";
        return app;
    }

    [Fact]
    public async Task Import_LeavesTheQueryPlannerStatisticsOfTheLoadedTables()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 40);
        using var app = EmptyApplication();

        await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(40, await PlannerStatistics.RowsOfIndexAsync(db, "Articles", "IX_Articles_Status_PublishedAt_Id"));
    }

    [Fact]
    public async Task ARecordTheDatabaseRefuses_IsReportedWithFileAndLine_AndTheOthersLoad()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 20);
        using var app = EmptyApplication();
        await using var db = await app.CreateDbContextAsync();
        // In the first batch, which also makes the sections: they go when it is refused, and come back with the retry.
        await RefuseQuotesAsync(db, "Quote 1 of bulk story 2.");

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        Assert.Equal(2, report.Errors.Count);
        var error = report.Errors[0];
        Assert.Equal(("articles.ndjson", 2), (error.File, error.Line));
        Assert.Contains("the database refused the record", error.Message, StringComparison.Ordinal);
        Assert.Contains("this quote is refused", error.Message, StringComparison.Ordinal);
        Assert.Equal("feedback.ndjson:2: article_id 2 names no article", report.Errors[1].ToString());
        Assert.Equal(Enumerable.Range(1, 20).Where(id => id != 2), await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Where(id => id != 2).Sum(TestDataset.QuotesOf), await db.Quotes.CountAsync());
        Assert.Equal(Enumerable.Range(1, 20).Where(id => id != 2).Sum(TestDataset.ImagesOf), await db.ArticleImages.CountAsync());
        Assert.Equal(9, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task AfterAnImport_RowsTheDatabaseNumbersTakeIdsPastTheImportedOnes()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 12);
        using var app = EmptyApplication();
        await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        var article = await app.PostAsync(
            "mutation { createArticle(input: { headline: \"After the import\", section: \"World\", paragraphs: [\"New.\"] }) { article { slug } errors { __typename } } }",
            token: app.TokenFor("editor"));
        var feedback = await app.PostAsync("mutation { submitFeedback(input: { message: \"After the import\", rating: 5 }) { thankYouMessage errors { __typename } } }");

        Assert.True(article.Errors.Count == 0 && article.Data.GetProperty("createArticle").GetProperty("article").ValueKind != System.Text.Json.JsonValueKind.Null, article.Text);
        Assert.True(feedback.Errors.Count == 0 && feedback.Data.GetProperty("submitFeedback").GetProperty("errors").ValueKind == System.Text.Json.JsonValueKind.Null, feedback.Text);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(13, await db.Articles.Where(a => a.Slug == "after-the-import").Select(a => a.Id).SingleAsync());
        Assert.Equal(7, await db.Feedback.Where(f => f.Message == "After the import").Select(f => f.Id).SingleAsync());
        var person = new NewsGraph.Api.People.Person { Name = "New person" };
        var image = new NewsGraph.Api.Images.Image { Caption = "New image" };
        db.AddRange(person, image);
        await db.SaveChangesAsync();
        var quote = new Quote { ArticleId = 13, SpeakerId = person.Id, Text = "New quote", Position = 1 };
        db.Add(quote);
        await db.SaveChangesAsync();
        Assert.Equal((21, Enumerable.Range(1, 12).Sum(TestDataset.ImagesOf) + 1, Enumerable.Range(1, 12).Sum(TestDataset.QuotesOf) + 1), (person.Id, image.Id, quote.Id));
    }

    /// <summary>A trigger that refuses quotes with <paramref name="text"/>, as a constraint of the database would.</summary>
    private static async Task RefuseQuotesAsync(NewsDbContext db, string text)
        => await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? $"""
                CREATE FUNCTION refuse_quote() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."Text" = '{text}' THEN RAISE EXCEPTION 'this quote is refused'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_quote BEFORE INSERT ON "Quotes" FOR EACH ROW EXECUTE FUNCTION refuse_quote();
                """
            : $"""CREATE TRIGGER refuse_quote BEFORE INSERT ON "Quotes" WHEN NEW."Text" = '{text}' BEGIN SELECT RAISE(ABORT, 'this quote is refused'); END;""");

    /// <summary>
    /// A reimport beside a transaction that works off the search backlog, as every server does: it holds a
    /// story's backlog row (taken and deleted) and then wants the story. On PostgreSQL the import batch
    /// reloading that story holds the story and then wants its backlog row, a deadlock PostgreSQL ends by
    /// failing one of the two (the batch, which started waiting first, and is written again); SQLite has one
    /// writer, so the batch waits instead.
    /// </summary>
    [Fact]
    public async Task AReimport_ThatMeetsTheBacklogsDrain_CompletesWithEveryRow()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 20);
        using var app = EmptyApplication();
        app.Settings["Search:IndexBacklogInBackground"] = "false";
        var importer = app.Services.GetRequiredService<NdjsonImporter>();
        Assert.True((await importer.ImportAsync(dataset)).Succeeded);

        await using var drain = await app.CreateDbContextAsync();
        await using var transaction = await drain.Database.BeginTransactionAsync();
        await drain.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchBacklog" WHERE "ArticleId" = 1""");
        var reimport = Task.Run(() => importer.ImportAsync(dataset));
        await WaitUntilWaitingAsync(app, reimport);
        if (TestDatabase.IsPostgres)
            await drain.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Articles" WHERE "Id" = 1 FOR SHARE""");
        await transaction.CommitAsync();
        var report = await reimport.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(20, await db.Articles.CountAsync());
        Assert.Equal(20, await db.Database.SqlQueryRaw<int>("""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "SearchBacklog" """).SingleAsync());
    }

    /// <summary>Until the import waits for the drain's lock: on PostgreSQL as the server reports it, on SQLite by its not finishing.</summary>
    private static async Task WaitUntilWaitingAsync(NewsGraphApplication app, Task reimport)
    {
        if (!TestDatabase.IsPostgres)
        {
            await Task.Delay(300);
            Assert.False(reimport.IsCompleted, "the import did not wait for the other writer");
            return;
        }
        await using var observer = await app.CreateDbContextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        const string Waiting = """SELECT CAST(count(*) AS INTEGER) AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""";
        while (await observer.Database.SqlQueryRaw<int>(Waiting).SingleAsync() == 0)
        {
            Assert.False(reimport.IsCompleted || DateTime.UtcNow > deadline, "the import never waited for the backlog row");
            await Task.Delay(10);
        }
    }
}
