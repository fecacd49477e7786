using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

/// <summary>What a bulk import leaves the database: planner statistics, refusals it reports, identities it moves on.</summary>
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
}
