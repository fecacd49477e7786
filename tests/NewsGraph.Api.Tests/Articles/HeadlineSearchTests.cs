using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Articles;

/// <summary><c>headline: { contains }</c> through the trigram index: the same answers as a scan, fewer rows read.</summary>
public sealed class HeadlineSearchTests : IAsyncLifetime, IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public async Task InitializeAsync()
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = new NewsGraph.Api.Articles.Section { Slug = "business", Name = "Business" };
        var headlines = new[]
        {
            "Tariff talks stall", "New tariff on steel", "Steel tariffs rise", "Bakery opens", "Quote \"tariff\" debate",
            "TARIFF shock", "Ta riff band tours", "Oil prices: a 50% jump",
        };
        var at = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < headlines.Length; i++)
        {
            db.Articles.Add(new NewsGraph.Api.Articles.Article
            {
                Slug = $"h-{i}", Headline = headlines[i], Section = section, Status = NewsGraph.Api.Articles.ArticleStatus.Published,
                PublishedAt = at.AddHours(i), UpdatedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private async Task<List<string>> SearchAsync(string where, object? variables = null)
    {
        var declaration = where.Contains("$t", StringComparison.Ordinal) ? "($t: String)" : "";
        var response = await _app.PostAsync($"query{declaration} {{ articles(first: 50, where: {where}, order: [{{ publishedAt: ASC }}]) {{ totalCount nodes {{ headline }} }} }}", variables);
        Assert.True(response.Errors.Count == 0, response.Text);
        var articles = response.Data.GetProperty("articles");
        var headlines = articles.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("headline").GetString()!).ToList();
        Assert.Equal(headlines.Count, articles.GetProperty("totalCount").GetInt32());
        return headlines;
    }

    [Fact]
    public async Task Contains_IsCaseSensitive_AndUsesTheIndex()
    {
        _app.Sql.Reset();
        var found = await SearchAsync("{ headline: { contains: $t } }", new { t = "tariff" });

        Assert.Equal(["New tariff on steel", "Steel tariffs rise", "Quote \"tariff\" debate"], found);
        if (!TestDatabase.IsPostgres)
        {
            Assert.Contains(_app.Sql.Commands, c => c.Contains("ArticleHeadlines", StringComparison.Ordinal));
            // Each candidate is checked in the narrow lookup index, not in its row with the paragraphs,
            // once the archive is large enough for the planner to care (on eight stories it walks the date index).
            await AddPublishedFillerAsync(2000);
            const string Candidates = """ "Status" = 2 AND "Id" IN (SELECT rowid FROM "ArticleHeadlines" WHERE "ArticleHeadlines" MATCH '"tariff"') AND instr("Headline", 'tariff') > 0 """;
            Assert.Contains("COVERING INDEX IX_Articles_HeadlineSearchLookup", await SqlitePlanAsync(
                $"""SELECT "Id", "Headline", "PublishedAt", "PublishedOffsetMinutes", "SectionId", "Slug" FROM "Articles" WHERE {Candidates} ORDER BY "PublishedAt" DESC, "Id" DESC LIMIT 11"""));
            Assert.Contains("COVERING INDEX IX_Articles_HeadlineSearchLookup", await SqlitePlanAsync($"""SELECT COUNT(*) FROM "Articles" WHERE {Candidates}"""));
            return;
        }
        // PostgreSQL serves the filter's own LIKE from the pg_trgm index (a table this small is read
        // whole unless the planner is told otherwise).
        Assert.Contains(_app.Sql.Commands, c => c.Contains("LIKE", StringComparison.Ordinal));
        Assert.Contains("IX_Articles_Headline_Trigrams", await PostgresPlanAsync("""SELECT "Id" FROM "Articles" WHERE "Headline" LIKE '%tariff%'"""));
        Assert.Contains("IX_Articles_Headline_Lower_Trigrams", await PostgresPlanAsync("""SELECT "Id" FROM "Articles" WHERE lower("Headline") LIKE '%tariff%'"""));
    }

    private async Task AddPublishedFillerAsync(int count)
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = await db.Sections.Where(s => s.Slug == "business").Select(s => s.Id).SingleAsync();
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Articles" ("Slug", "Headline", "IsUrgent", "SectionId", "Status", "PublishedAt", "PublishedOffsetMinutes", "UpdatedAt", "DatelinePlaces", "Language", "Paragraphs", "Version")
            SELECT 'filler-' || i, 'Harbour report ' || i, 0, {section}, 2, '2024-01-01 00:00:00', 0, '2024-01-01 00:00:00', '[]', 'en', '["A paragraph."]', 1 FROM n
            """);
    }

    private async Task<string> SqlitePlanAsync(string sql)
    {
        await using var db = await _app.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // With the statistics a server keeps (DatabaseInitializer analyzes at start, imports when done).
        command.CommandText = "ANALYZE";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join("\n", plan);
    }

    private async Task<string> PostgresPlanAsync(string sql)
    {
        await using var db = await _app.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
#pragma warning disable EF1003 // the test's own constant statements
        var plan = await db.Database.SqlQueryRaw<string>("EXPLAIN " + sql).ToListAsync();
#pragma warning restore EF1003
        return string.Join("\n", plan);
    }

    [Fact]
    public async Task IContains_FindsEveryCase()
    {
        var found = await SearchAsync("{ headline: { icontains: $t } }", new { t = "TaRiFf" });

        Assert.Equal(["Tariff talks stall", "New tariff on steel", "Steel tariffs rise", "Quote \"tariff\" debate", "TARIFF shock"], found);
    }

    [Theory]
    [InlineData("\"tariff\"", "Quote \"tariff\" debate")]
    [InlineData("50%", "Oil prices: a 50% jump")]
    [InlineData("a r", "Ta riff band tours")]
    [InlineData(": a", "Oil prices: a 50% jump")]
    public async Task Terms_WithQuotesAndPunctuation_AreTakenLiterally(string term, string headline)
        => Assert.Equal([headline], await SearchAsync("{ headline: { contains: $t } }", new { t = term }));

    [Fact]
    public async Task ShortTerms_AndTermsUnderOr_StillWork_WithoutTheIndex()
    {
        _app.Sql.Reset();
        var shortTerm = await SearchAsync("{ headline: { contains: $t } }", new { t = "St" });
        var either = await SearchAsync("{ or: [{ headline: { contains: \"Bakery\" } }, { headline: { contains: \"shock\" } }] }");

        Assert.Equal(["Steel tariffs rise"], shortTerm);
        Assert.Equal(["Bakery opens", "TARIFF shock"], either);
        Assert.DoesNotContain(_app.Sql.Commands, c => c.Contains("ArticleHeadlines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATermWithANulCharacter_FindsNothing_AndIsNoError()
    {
        // FTS5 read the NUL as the end of its query: "unterminated string", an unexpected error.
        Assert.Empty(await SearchAsync("{ headline: { contains: $t } }", new { t = "tariff\0" }));
        Assert.Empty(await SearchAsync("{ headline: { icontains: $t } }", new { t = "\0tariff" }));
        Assert.Empty(await SearchAsync("{ headline: { eq: $t } }", new { t = "Bakery opens\0" }));
        Assert.Equal(await SearchAsync("{ }"), await SearchAsync("{ headline: { ncontains: $t } }", new { t = "\0" }));
        Assert.Equal(["Bakery opens"], await SearchAsync("{ headline: { in: [\"Bakery opens\", \"x\\u0000\"] } }"));
    }

    [Fact]
    public async Task TermsUnderOrNestedFortyFiveDeep_FromVariables_AreRead()
    {
        // Variables are read as deep as request bodies (128 levels); at 64 these were refused as "not an object".
        // Written as text: the test's own serializer stops at 64 levels too.
        var where = string.Concat(Enumerable.Repeat("{\"or\":[", 45)) + "{\"headline\":{\"contains\":\"Bakery\"}}"
                    + string.Concat(Enumerable.Repeat(",{\"headline\":{\"eq\":\"none\"}}]}", 45));
        var response = await _app.SendJsonAsync(
            "{\"query\":\"query($w: ArticleFilterInput) { articles(first: 50, where: $w) { nodes { headline } } }\",\"variables\":{\"w\":" + where + "}}");

        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal("Bakery opens", Assert.Single(response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray()).GetProperty("headline").GetString());
    }

    [Fact]
    public async Task TermsUnderAnd_AreAllNarrowed()
        => Assert.Equal(["Steel tariffs rise"], await SearchAsync("{ and: [{ headline: { contains: \"tariffs\" } }, { headline: { contains: \"Steel\" } }] }"));

    [Fact]
    public async Task TheIndexFollowsEdits_AndDeletes()
    {
        await using (var db = await _app.CreateDbContextAsync())
        {
            var bakery = db.Articles.Single(a => a.Slug == "h-3");
            bakery.Headline = "Bakery hit by flour tariff";
            db.Articles.Remove(db.Articles.Single(a => a.Slug == "h-1"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Steel tariffs rise", "Bakery hit by flour tariff", "Quote \"tariff\" debate"], await SearchAsync("{ headline: { contains: $t } }", new { t = "tariff" }));
        Assert.Empty(await SearchAsync("{ headline: { contains: $t } }", new { t = "Bakery opens" }));
    }
}
