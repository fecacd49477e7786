using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Search;

// The statements are assembled from constants of this class; every value a caller gives is a parameter.
#pragma warning disable EF1002, EF1003

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

    private const string Main = "\"ArticleSearch\".rowid";
    private const string Headlines = "\"ArticleSearchHeadlines\".rowid";
    private const string Day = $"(({Main} >> 50) & 4095) * 30.436875 + (({Main} >> 45) & 31)";

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

    /// <summary>
    /// Then: the batch's stories (<c>$articles</c>) and those placing its images (<c>$images</c>) are indexed, and
    /// the triggers run again. Joins start from the batch and rows go in key order, as in <see cref="IndexBacklogSql"/>.
    /// </summary>
    public const string RefreshSql = """
        CREATE TEMP TABLE IF NOT EXISTS "SearchRefresh" ("ArticleId" INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO temp."SearchRefresh" SELECT value FROM json_each($articles)
            UNION SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" IN (SELECT value FROM json_each($images));
        DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT k."Key" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchKeys" k WHERE k."ArticleId" = r."ArticleId");
        INSERT INTO "ArticleSearch"(rowid, "Headline", "Body", "Captions", "Quotes", "Names")
            SELECT d."Key", d."Headline", d."Body", d."Captions", d."Quotes", d."Names" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchDocuments" d
            WHERE d."ArticleId" = r."ArticleId" ORDER BY d."Key";
        INSERT INTO "ArticleSearchHeadlines"(rowid, "Headline")
            SELECT d."Key", d."Headline" FROM (SELECT DISTINCT value AS "ArticleId" FROM json_each($articles)) j CROSS JOIN "ArticleSearchDocuments" d
            WHERE d."ArticleId" = j."ArticleId" ORDER BY d."Key";
        DELETE FROM temp."SearchRefresh";
        DELETE FROM "ArticleSearchDeferred";
        """;

    /// <summary>
    /// Or, when the import leaves indexing to the backlog (<see cref="SearchBacklog"/>): the batch's stories and
    /// those placing its images wait there, out of the index (the reloaded ones left it in <see cref="DeferSql"/>),
    /// and the triggers run again.
    /// </summary>
    public const string QueueSql = """
        INSERT OR IGNORE INTO "SearchBacklog" ("ArticleId") SELECT value FROM json_each($articles)
            UNION SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" IN (SELECT value FROM json_each($images));
        DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN
            (SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" IN (SELECT value FROM json_each($images))));
        DELETE FROM "ArticleSearchHeadlines" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN
            (SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" IN (SELECT value FROM json_each($images))));
        DELETE FROM "ArticleSearchDeferred";
        """;

    /// <summary>
    /// Indexes the first <c>$batch</c> stories of the backlog and takes them out of it, in the caller's
    /// (write) transaction; the stories' rows are replaced, so indexing one twice does no harm. The number
    /// of stories taken is the last statement's row count. The joins start from the batch (CROSS JOIN keeps
    /// that order): planned from the import's statistics, SQLite would read every story to find the batch's.
    /// Rows go into FTS5 in key order: it writes out what it holds as a new segment whenever a rowid comes
    /// below the last one, and a batch in article order made hundreds of segments, each merged later
    /// (10k stories took 36 s to index, 8 s in key order).
    /// </summary>
    public const string IndexBacklogSql = """
        CREATE TEMP TABLE IF NOT EXISTS "SearchRefresh" ("ArticleId" INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO temp."SearchRefresh" SELECT "ArticleId" FROM "SearchBacklog" ORDER BY "ArticleId" LIMIT $batch;
        DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT k."Key" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchKeys" k WHERE k."ArticleId" = r."ArticleId");
        DELETE FROM "ArticleSearchHeadlines" WHERE rowid IN (SELECT k."Key" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchKeys" k WHERE k."ArticleId" = r."ArticleId");
        INSERT INTO "ArticleSearch"(rowid, "Headline", "Body", "Captions", "Quotes", "Names")
            SELECT d."Key", d."Headline", d."Body", d."Captions", d."Quotes", d."Names" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchDocuments" d
            WHERE d."ArticleId" = r."ArticleId" ORDER BY d."Key";
        INSERT INTO "ArticleSearchHeadlines"(rowid, "Headline")
            SELECT d."Key", d."Headline" FROM temp."SearchRefresh" r CROSS JOIN "ArticleSearchDocuments" d WHERE d."ArticleId" = r."ArticleId" ORDER BY d."Key";
        DELETE FROM "SearchBacklog" WHERE "ArticleId" IN (SELECT "ArticleId" FROM temp."SearchRefresh");
        DELETE FROM temp."SearchRefresh";
        SELECT changes();
        """;

    /// <summary>After a bulk load: merges each index's segments into one, so a search reads one list per word.</summary>
    public const string OptimizeSql = """
        INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('optimize');
        INSERT INTO "ArticleSearchHeadlines"("ArticleSearchHeadlines") VALUES ('optimize');
        """;

    public override IQueryable<SearchMatch> Matches(NewsDbContext db, SearchRequest request)
        => db.Set<SearchMatch>().FromSqlRaw(
            $$"""SELECT {{Columns(Main)}}, 0.0 AS "Score" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Main}} >= {1}""",
            Fts5Match.Of(request.Query, ranked: false), MinKey(request));

    // Read in key order (newest first) from the small headline index, so a page stops after its rows;
    // a headline that does not prove the match is checked against the story's whole text.
    public override IQueryable<SearchMatch> InHeadlineTier(NewsDbContext db, SearchRequest request, HeadlineTier tier)
    {
        var sql = $$"""
            SELECT {{Columns(Headlines)}}, {{SearchRanking.Number(tier.Score)}} AS "Score" FROM "ArticleSearchHeadlines"
            WHERE "ArticleSearchHeadlines" MATCH {0} AND {{Headlines}} >= {1}
            """;
        if (tier.ProvesMatch)
            return db.Set<SearchMatch>().FromSqlRaw(sql, Fts5Match.Headline(tier), MinKey(request));
        sql += $$"""
             AND EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {2} AND {{Main}} = {{Headlines}})
            """;
        return db.Set<SearchMatch>().FromSqlRaw(sql, Fts5Match.Headline(tier), MinKey(request), Fts5Match.Of(request.Query, ranked: false));
    }

    // FTS5 reads the matches newest first (by key) and stops after the candidates, so bm25 is computed for them alone.
    public override IQueryable<SearchMatch> BelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest)
    {
        var score = $"-{Bm25} * {SearchRanking.FreshnessSql(Day, "{2}")}";
        var sql = $$"""
            SELECT {{Columns(Main)}}, {{score}} AS "Score" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Main}} >= {1}{{NotInHeadlineTiers(lowest, 3)}}
            ORDER BY {{Main}} DESC LIMIT {{SearchRanking.RankedMatches}}
            """;
        return Below(db, request, lowest, sql, request.Today);
    }

    public override IQueryable<SearchMatch> OlderBelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest)
    {
        var sql = $$"""
            SELECT {{Columns(Main)}}, 0.0 AS "Score" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Main}} >= {1}{{NotInHeadlineTiers(lowest, 2)}}
             AND {{Main}} < (SELECT min(rowid) FROM (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND rowid >= {1}{{NotInHeadlineTiers(lowest, 2, "rowid")}}
                ORDER BY rowid DESC LIMIT {{SearchRanking.RankedMatches}}))
            """;
        return Below(db, request, lowest, sql, null);
    }

    // Parameters: {0} the query, {1} the least key, then today ({2}) when scored, then the headline tiers' query.
    private static IQueryable<SearchMatch> Below(NewsDbContext db, SearchRequest request, HeadlineTier? lowest, string sql, double? today)
    {
        object[] parameters = [Fts5Match.Of(request.Query, ranked: today is not null), MinKey(request), .. today is { } t ? new object[] { t } : [], .. lowest is null ? [] : new object[] { Fts5Match.AtLeast(lowest) }];
        return db.Set<SearchMatch>().FromSqlRaw(sql, parameters);
    }

    // The unary + keeps SQLite from handing the list to FTS5 as rowids to look up one by one.
    private static string NotInHeadlineTiers(HeadlineTier? lowest, int parameter, string row = Main)
        => lowest is null ? "" : $$"""
             AND +{{row}} NOT IN (SELECT rowid FROM "ArticleSearchHeadlines" WHERE "ArticleSearchHeadlines" MATCH {{{parameter}}} AND rowid >= {1})
            """.TrimEnd();

    public override IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchRequest request, IReadOnlyList<SearchMatch> matches)
    {
        var sql = $$"""
            SELECT {{Main}} AS "Key", highlight("ArticleSearch", 0, {1}, {2}) AS "Headline", highlight("ArticleSearch", 1, {1}, {2}) AS "Body",
                   highlight("ArticleSearch", 2, {1}, {2}) AS "Captions", highlight("ArticleSearch", 3, {1}, {2}) AS "Quotes"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} AND {{Main}} IN (SELECT value FROM json_each({3}))
            """;
        return db.Set<MarkedDocument>().FromSqlRaw(sql, Fts5Match.Of(request.Query, ranked: false),
            HighlightedText.Open.ToString(), HighlightedText.Close.ToString(), JsonSerializer.Serialize(matches.Select(m => m.Key)));
    }

    // The keys as they are: each packs the story's id, section and month, so the statement computes nothing per match.
    public override Task<FacetRows> FacetRowsAsync(NewsDbContext db, IQueryable<SearchMatch> matches, CancellationToken cancellationToken)
        => FacetStatement.ReadAsync(db, matches.Select(m => new { m.Key }).CreateDbCommand(), "m.\"Key\"", KeyLayout, cancellationToken);

    private static readonly FacetLayout KeyLayout = new(0, ArticleIdMask, 33, 4095, 50, 4095);

    private static long MinKey(SearchRequest request) => request.PublishedOnly ? PublishedKey : 0L;

    private static string Columns(string row)
        => $"""{row} AS "Key", {row} & {ArticleIdMask} AS "ArticleId", ({row} >> 33) & 4095 AS "SectionId", ({row} >> 50) & 4095 AS "Month" """;
}
