using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// The index on SQLite: the FTS5 table <c>ArticleSearch</c> (porter stemming over unicode61; columns
/// Headline, Body, Captions, Quotes, Names) and <c>ArticleSearchHeadlines</c> (headlines alone, to
/// find the first tier cheaply). A story's rowid is its key, which packs what the common queries need
/// so that they read the index alone: bit 62 set when the story is published, then the month of
/// publication (12 bits, months since 1900), the day of the month (5 bits), the section (12 bits) and
/// the article id (33 bits). Readers' searches ask for keys from 2^62 up, and facets by section and
/// month group keys, without a lookup per match.
/// </summary>
public sealed class SqliteSearchIndex : SearchIndex
{
    public const long PublishedKey = 1L << 62;
    public const long ArticleIdMask = (1L << 33) - 1;

    private const string Row = "\"ArticleSearch\".rowid";
    private static readonly string Columns = $"""{Row} AS "Key", {Row} & {ArticleIdMask} AS "ArticleId", ({Row} >> 33) & 4095 AS "SectionId", ({Row} >> 50) & 4095 AS "Month" """;
    private const string Day = $"(({Row} >> 50) & 4095) * 30.436875 + (({Row} >> 45) & 31)";

    private static readonly string Bm25 = "bm25(\"ArticleSearch\", " + string.Join(", ", new[]
    {
        SearchRanking.HeadlineWeight, SearchRanking.BodyWeight, SearchRanking.CaptionWeight, SearchRanking.QuoteWeight, SearchRanking.NameWeight,
    }.Select(SearchRanking.Number)) + ")";

    /// <summary>
    /// For the bulk import, in its transaction: the triggers stand still (a row in ArticleSearchDeferred, which
    /// no other writer sees, since SQLite has one writer) and the stories about to be reloaded
    /// (<c>$reloaded</c>, a JSON array) leave the index under the keys they had.
    /// </summary>
    public const string DeferSql = """
        INSERT OR IGNORE INTO "ArticleSearchDeferred" ("Id") VALUES (1);
        DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN (SELECT value FROM json_each($reloaded)));
        DELETE FROM "ArticleSearchHeadlines" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN (SELECT value FROM json_each($reloaded)));
        """;

    /// <summary>Then: the batch's stories (<c>$articles</c>) and those placing its images (<c>$images</c>) are indexed, and the triggers run again.</summary>
    public const string RefreshSql = """
        CREATE TEMP TABLE IF NOT EXISTS "SearchRefresh" ("ArticleId" INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO temp."SearchRefresh" SELECT value FROM json_each($articles)
            UNION SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" IN (SELECT value FROM json_each($images));
        DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN (SELECT "ArticleId" FROM temp."SearchRefresh"));
        INSERT INTO "ArticleSearch"(rowid, "Headline", "Body", "Captions", "Quotes", "Names")
            SELECT "Key", "Headline", "Body", "Captions", "Quotes", "Names" FROM "ArticleSearchDocuments" WHERE "ArticleId" IN (SELECT "ArticleId" FROM temp."SearchRefresh");
        INSERT INTO "ArticleSearchHeadlines"(rowid, "Headline") SELECT "Key", "Headline" FROM "ArticleSearchDocuments" WHERE "ArticleId" IN (SELECT value FROM json_each($articles));
        DELETE FROM temp."SearchRefresh";
        DELETE FROM "ArticleSearchDeferred";
        """;

    /// <summary>After a bulk load: merges each index's segments into one, so a search reads one list per word.</summary>
    public const string OptimizeSql = """
        INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('optimize');
        INSERT INTO "ArticleSearchHeadlines"("ArticleSearchHeadlines") VALUES ('optimize');
        """;

    public override IQueryable<SearchMatch> Matches(NewsDbContext db, SearchQuery query, SearchTier tier, bool publishedOnly, bool ranked, double today)
    {
        var parameters = new List<object> { Fts5Match.Of(query, ranked), publishedOnly ? PublishedKey : 0L };
        var score = "0.0";
        if (ranked)
        {
            parameters.Add(today);
            score = $"-{Bm25} * {SearchRanking.FreshnessSql(Day, "{2}")}";
        }
        var sql = $$"""SELECT {{Columns}}, {{score}} AS "Score" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Row}} >= {1}""";
        if (tier != SearchTier.All)
        {
            // The unary + keeps SQLite from handing the list to FTS5 as rowids to look up one by one.
            parameters.Add(Fts5Match.AnyTerm(query));
            sql += $$"""
                 AND +{{Row}} {{(tier == SearchTier.Headline ? "IN" : "NOT IN")}} (SELECT rowid FROM "ArticleSearchHeadlines" WHERE "ArticleSearchHeadlines" MATCH {{{parameters.Count - 1}}} AND rowid >= {1})
                """;
        }
        return db.Set<SearchMatch>().FromSqlRaw(sql, [.. parameters]);
    }

    public override IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchQuery query, IReadOnlyList<long> keys)
    {
        var sql = $$"""
            SELECT {{Row}} AS "Key", highlight("ArticleSearch", 0, {1}, {2}) AS "Headline", highlight("ArticleSearch", 1, {1}, {2}) AS "Body",
                   highlight("ArticleSearch", 2, {1}, {2}) AS "Captions", highlight("ArticleSearch", 3, {1}, {2}) AS "Quotes"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Row}} IN (SELECT value FROM json_each({3}))
            """;
        return db.Set<MarkedDocument>().FromSqlRaw(sql, Fts5Match.Of(query, ranked: false),
            HighlightedText.Open.ToString(), HighlightedText.Close.ToString(), JsonSerializer.Serialize(keys));
    }
}
