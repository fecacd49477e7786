using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Import;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Import.WireStories;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

public sealed class NdjsonImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-ndjson-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private NewsGraphApplication EmptyApplication()
    {
        var app = new NewsGraphApplication();
        app.Settings["Seed:Path"] = Directory.CreateDirectory(Path.Combine(_folder, "no-seeds")).FullName;
        app.Settings["Import:BatchSize"] = "7";
        return app;
    }

    [Fact]
    public async Task Import_ADataset_LoadsEveryRowWithItsRelations()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 40);
        using var app = EmptyApplication();

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var db = await app.CreateDbContextAsync();
        var counts = await TableCounts.OfAsync(db);
        Assert.Equal(40, counts["Articles"]);
        Assert.Equal(Enumerable.Range(1, 40).Sum(TestDataset.ImagesOf), counts["ArticleImages"]);
        Assert.Equal(Enumerable.Range(1, 40).Sum(TestDataset.QuotesOf), counts["Quotes"]);
        Assert.Equal(Enumerable.Range(1, 40).Sum(TestDataset.AuthorsOf), counts["Bylines"]);
        Assert.Equal(3, counts["Sections"]);

        var article = await db.Articles.Include(a => a.Section).SingleAsync(a => a.Id == 12);
        Assert.Equal("bulk-story-12", article.Slug);
        Assert.Equal("Business", article.Section.Name);
        Assert.Equal(["First paragraph of story 12.", "Second paragraph, with é and 한국어."], article.Paragraphs);
        Assert.Equal(540, article.PublishedOffsetMinutes);
        Assert.Equal(new DateTime(2025, 1, 1, 0, 12, 0, DateTimeKind.Utc), article.PublishedAt);
        var image = await db.Images.SingleAsync(i => i.Caption == "Photo 1 of bulk story 14");
        Assert.True(image.IsNotForSale);
        Assert.Equal("PHOTO NOT FOR SALE", image.RightsNote);
        var quote = await db.Quotes.Include(q => q.Speaker).FirstAsync(q => q.ArticleId == 11);
        Assert.Equal(quote.Speaker!.Title, quote.SpeakerTitle);
    }

    [Fact]
    public async Task Import_TheSameFolderTwice_LeavesEveryTableAsItWas()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 30);
        using var app = EmptyApplication();
        var importer = app.Services.GetRequiredService<NdjsonImporter>();
        await importer.ImportAsync(dataset);
        await using var db = await app.CreateDbContextAsync();
        var once = await TableCounts.OfAsync(db);

        var again = await importer.ImportAsync(dataset);

        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(once, await TableCounts.OfAsync(db));
    }

    [Fact]
    public async Task ExportThenImport_GivesBackTheSameContent()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 25);
        using var source = EmptyApplication();
        await source.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);
        // The wire importer's content too: byline roles, dateline sources, providers, a shared section.
        await source.Services.GetRequiredService<ImportCommand>().ImportStoriesAsync(
            [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories"), "*.txt")], TextWriter.Null, false, CancellationToken.None);
        // And the editorial workflow's: notes, a kill, a correction, revision history, versions, a signed-in reader's feedback.
        var withdrawnAt = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234560);   // microseconds: what PostgreSQL keeps
        var correctedAt = withdrawnAt.AddHours(-2);
        await using (var db = await source.CreateDbContextAsync())
        {
            var story = await db.Articles.SingleAsync(a => a.Id == 3);
            story.Status = ArticleStatus.Withdrawn;
            story.Version = 4;
            story.EditorNotes = "Check the minister's title with the desk.";
            story.WithdrawalNotice = "This story named the wrong ministry.";
            story.WithdrawnAt = withdrawnAt;
            story.Corrections.Add(new Correction { Text = "An earlier version gave the wrong date.", CreatedAt = correctedAt, Version = 3 });
            story.Revisions.Add(new ArticleRevision { Version = 3, ChangedAt = correctedAt, Editor = "alice", Action = "corrected", Changes = ["paragraphs"] });
            story.Revisions.Add(new ArticleRevision { Version = 4, ChangedAt = withdrawnAt, Editor = "bob", Action = "withdrawn", Changes = ["status", "withdrawalNotice"] });
            (await db.People.SingleAsync(p => p.Id == 2)).Version = 3;
            (await db.Images.SingleAsync(i => i.Id == 1)).Version = 3;
            (await db.Feedback.SingleAsync(f => f.Id == 1)).SubmittedBy = "reader-7";
            await db.SaveChangesAsync();
        }
        var first = Path.Combine(_folder, "first");
        await source.Services.GetRequiredService<NdjsonExporter>().ExportAsync(first);

        using var copy = EmptyApplication();
        var report = await copy.Services.GetRequiredService<NdjsonImporter>().ImportAsync(first);
        var second = Path.Combine(_folder, "second");
        await copy.Services.GetRequiredService<NdjsonExporter>().ExportAsync(second);
        var again = await copy.Services.GetRequiredService<NdjsonImporter>().ImportAsync(first);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        foreach (var file in new[] { "people.ndjson", "articles.ndjson", "images.ndjson", "quotes.ndjson", "feedback.ndjson" })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, file)), await File.ReadAllTextAsync(Path.Combine(second, file)));
        await using var a = await source.CreateDbContextAsync();
        await using var b = await copy.CreateDbContextAsync();
        Assert.Equal(await TableCounts.OfAsync(a), await TableCounts.OfAsync(b));
        var copied = await b.Articles.Include(x => x.Corrections).Include(x => x.Revisions).SingleAsync(x => x.Id == 3);
        Assert.Equal(ArticleStatus.Withdrawn, copied.Status);
        Assert.Equal(4, copied.Version);
        Assert.Equal("Check the minister's title with the desk.", copied.EditorNotes);
        Assert.Equal("This story named the wrong ministry.", copied.WithdrawalNotice);
        Assert.Equal(withdrawnAt, copied.WithdrawnAt);
        var correction = Assert.Single(copied.Corrections);
        Assert.Equal(("An earlier version gave the wrong date.", correctedAt, 3), (correction.Text, correction.CreatedAt, correction.Version));
        Assert.Equal(
            [(3, correctedAt, "alice", "corrected", "paragraphs"), (4, withdrawnAt, "bob", "withdrawn", "status withdrawalNotice")],
            copied.Revisions.OrderBy(r => r.Version).Select(r => (r.Version, r.ChangedAt, r.Editor, r.Action, string.Join(' ', r.Changes))));
        Assert.Equal(3, (await b.People.SingleAsync(p => p.Id == 2)).Version);
        Assert.Equal(3, (await b.Images.SingleAsync(i => i.Id == 1)).Version);
        Assert.Equal("reader-7", (await b.Feedback.SingleAsync(f => f.Id == 1)).SubmittedBy);
        await AssertAttributionsCopiedAsync(Path.Combine(first, "quotes.ndjson"), a, b);
    }

    /// <summary>The quotes' rules, sources and reasons (of the wire stories imported) went out and came back.</summary>
    private static async Task AssertAttributionsCopiedAsync(string quotesFile, NewsDbContext source, NewsDbContext copy)
    {
        var quotes = await File.ReadAllTextAsync(quotesFile);
        Assert.Contains("\"attribution\":\"SENTENCE_SUBJECT\"", quotes, StringComparison.Ordinal);
        Assert.Contains("\"unattributed_reason\":", quotes, StringComparison.Ordinal);
        Assert.Equal(
            await source.Quotes.OrderBy(q => q.Id).Select(q => new { q.Attribution, q.Source, q.UnattributedReason }).ToListAsync(),
            await copy.Quotes.OrderBy(q => q.Id).Select(q => new { q.Attribution, q.Source, q.UnattributedReason }).ToListAsync());
    }

    [Fact]
    public async Task QuoteAttribution_ThatNamesNoRule_IsReportedWithFileAndLine()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 3);
        var quotes = Path.Combine(dataset, "quotes.ndjson");
        var line = File.ReadAllLines(quotes).Length + 1;
        TestDataset.AppendLine(quotes, "{\"id\":900,\"article_id\":1,\"text\":\"Hello.\",\"attribution\":\"GUESS\"}");
        using var app = EmptyApplication();

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        var error = Assert.Single(report.Errors);
        Assert.StartsWith($"quotes.ndjson:{line}: attribution \"GUESS\" is none of NAME, SURNAME", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorialFields_WithBadValues_AreReportedWithFileAndLine()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 3);
        var articles = Path.Combine(dataset, "articles.ndjson");
        TestDataset.AppendLine(articles, Article(4).Replace("}", ",\"version\":0}", StringComparison.Ordinal));                                               // line 4
        TestDataset.AppendLine(articles, Article(5).Replace("}", ",\"corrections\":[{\"text\":\" \",\"created_at\":\"2025-01-01T00:00:00Z\",\"version\":2}]}", StringComparison.Ordinal)); // 5
        TestDataset.AppendLine(articles, Article(6).Replace("}", ",\"revisions\":[{\"version\":1,\"changed_at\":\"2025-01-01T00:00:00Z\",\"editor\":\"\",\"action\":\"created\",\"changes\":[]}]}", StringComparison.Ordinal)); // 6
        TestDataset.AppendLine(articles, Article(7).Replace("}", ",\"revisions\":[{\"version\":1,\"changed_at\":\"2025-01-01T00:00:00Z\",\"editor\":\"ann\",\"changes\":[]}]}", StringComparison.Ordinal)); // 7
        TestDataset.AppendLine(Path.Combine(dataset, "people.ndjson"), "{\"id\":99,\"name\":\"Nobody\",\"version\":0}");
        TestDataset.AppendLine(Path.Combine(dataset, "feedback.ndjson"), "{\"id\":50,\"message\":\"Hi\",\"created_at\":\"2025-01-01T00:00:00Z\",\"submitted_by\":\" \"}");
        using var app = EmptyApplication();

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        var errors = report.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("people.ndjson:21: person 99 has version 0, less than 1", errors);
        Assert.Contains("articles.ndjson:4: version 0 is less than 1", errors);
        Assert.Contains("articles.ndjson:5: correction 1 has a text that is empty or longer than 2000 characters", errors);
        Assert.Contains("articles.ndjson:6: revision 1 has no editor", errors);
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:7: ", StringComparison.Ordinal) && e.Contains("action", StringComparison.Ordinal));
        Assert.Contains("feedback.ndjson:2: submitted_by is empty (leave it out for anonymous feedback)", errors);
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public async Task BrokenLines_AreReportedWithFileAndLine_AndEveryValidRecordLoads()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 20);
        var articles = Path.Combine(dataset, "articles.ndjson");
        TestDataset.AppendLine(articles, "{\"id\": 21, \"slug\": \"truncated\", \"headline\": \"Trunc");                                // line 21
        TestDataset.AppendLine(articles, Article(22) .Replace("\"language\"", "\"colour\":\"red\",\"language\"", StringComparison.Ordinal)); // 22: unknown field
        TestDataset.AppendLine(articles, Article(5));                                                                                       // 23: duplicate id
        TestDataset.AppendBytes(articles, [.. "{\"id\":24,\"slug\":\"bad-bytes\",\"headline\":\""u8, 0xC3, 0x28, .. "\"}"u8]);              // 24: invalid UTF-8
        TestDataset.AppendLine(articles, Article(25).Replace("\"author_ids\":[1]", "\"author_ids\":[999]", StringComparison.Ordinal));     // 25: unknown person
        TestDataset.AppendLine(articles, Article(26).Replace("PUBLISHED", "LIVE", StringComparison.Ordinal));                               // 26: bad status
        TestDataset.AppendLine(articles, Article(27));                                                                                      // 27: fine
        TestDataset.AppendLine(articles, "");                                                                                               // 28: blank
        TestDataset.AppendLine(articles, "[1, 2, 3]");                                                                                      // 29: not an object
        var images = Path.Combine(dataset, "images.ndjson");
        var imageLines = File.ReadAllLines(images).Length;
        TestDataset.AppendLine(images, "{\"id\":900,\"article_id\":777,\"position\":1,\"caption\":\"Dangling\"}");
        TestDataset.AppendLine(Path.Combine(dataset, "feedback.ndjson"), "{\"id\":500,\"message\":\"Too good\",\"rating\":9,\"created_at\":\"2025-01-01T00:00:00Z\"}");
        using var app = EmptyApplication();

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        var errors = report.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:21: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:22: ", StringComparison.Ordinal) && e.Contains("colour", StringComparison.Ordinal));
        Assert.Contains("articles.ndjson:23: duplicate id 5 (first on line 5)", errors);
        Assert.Contains("articles.ndjson:24: the line is not valid UTF-8", errors);
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:25: ", StringComparison.Ordinal) && e.Contains("999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:26: ", StringComparison.Ordinal) && e.Contains("LIVE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("articles.ndjson:29: ", StringComparison.Ordinal));
        Assert.Contains($"images.ndjson:{imageLines + 1}: article_id 777 names no article", errors);
        Assert.Contains(errors, e => e.StartsWith("feedback.ndjson:", StringComparison.Ordinal) && e.Contains("rating 9", StringComparison.Ordinal));
        Assert.Equal(9, errors.Count);

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal([.. Enumerable.Range(1, 20), 27], await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Sum(TestDataset.ImagesOf), await db.ArticleImages.CountAsync());
        Assert.Equal(10, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task Import_IntoADatabaseWithOtherContent_IsRefusedBeforeWritingAnything()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 10);
        using var app = new NewsGraphApplication();
        await using var db = await app.CreateDbContextAsync();
        var before = await TableCounts.OfAsync(db);

        var report = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(dataset);

        var error = Assert.Single(report.Errors);
        Assert.Equal("articles.ndjson", error.File);
        Assert.Contains("article id 1 is `bulk-story-1` here but `us-space-commander", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableCounts.OfAsync(db));
    }

    [Fact]
    public async Task ImportVerb_ExitsWithOneAndNamesTheFileWhenARecordFails()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "in"), articles: 5);
        TestDataset.AppendLine(Path.Combine(dataset, "quotes.ndjson"), "{\"id\": 99, \"article_id\": 3, \"text\": \"x\", \"person_id\": 4242}");
        using var app = EmptyApplication();
        using var output = new StringWriter();

        var exitCode = await app.Services.GetRequiredService<ImportCommand>().RunAsync([dataset], output, interactive: false, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains($"FAIL {Path.Combine(dataset, "quotes.ndjson")}:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("person_id 4242 names no person", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("5 articles", output.ToString(), StringComparison.Ordinal);
    }

    private static string Article(int id)
        => $"{{\"id\":{id},\"slug\":\"extra-{id}\",\"headline\":\"Extra {id}\",\"section\":\"world\",\"dateline\":\"SEOUL\",\"published_at\":\"2025-02-01T10:00:00+09:00\",\"language\":\"en\",\"status\":\"PUBLISHED\",\"body\":\"One.\",\"author_ids\":[1]}}";
}
