using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Search;

// The statements are assembled from constants of this class; every value a caller gives is a parameter.
#pragma warning disable EF1002, EF1003

namespace NewsGraph.Api.Search;

/// <summary>
/// The index on PostgreSQL: the table <c>ArticleSearch</c>, a row per story with its text, whether it
/// is published, its section and month, and two stored tsvectors (english configuration) with GIN
/// indexes: <c>Document</c>, the whole story weighted A (headline), B (names), C (quotes, captions),
/// D (body), and <c>HeadlineVector</c>, the headline alone, to find the first tier cheaply.
/// </summary>
public sealed class PostgresSearchIndex : SearchIndex
{
    public const string Table = "\"ArticleSearch\"";

    /// <summary>For the bulk import: the triggers stand still until its transaction ends (or <see cref="RefreshSql"/>).</summary>
    public const string DeferSql = "SET LOCAL newsgraph.search_deferred = 'on'";

    /// <summary>Then: the batch's stories (<c>@articles</c>) and those placing its images (<c>@images</c>) are indexed, and the triggers run again.</summary>
    public const string RefreshSql = """
        SELECT article_search_refresh(ARRAY(SELECT unnest(@articles) UNION SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" = ANY(@images)));
        SET LOCAL newsgraph.search_deferred = 'off';
        """;

    /// <summary>
    /// Or, when the import leaves indexing to the backlog (<see cref="SearchBacklog"/>): the batch's stories
    /// and those placing its images wait there, and until they are indexed they are not found at all,
    /// rather than found as they were (a withdrawn story must not stay visible to search).
    /// </summary>
    public const string QueueSql = """
        WITH queued AS (SELECT unnest(@articles) AS id UNION SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" = ANY(@images)),
        dropped AS (DELETE FROM "ArticleSearch" WHERE "ArticleId" IN (SELECT id FROM queued))
        INSERT INTO "SearchBacklog" ("ArticleId") SELECT id FROM queued ON CONFLICT ("ArticleId") DO NOTHING;
        SET LOCAL newsgraph.search_deferred = 'off';
        """;

    private static readonly string[] MarkedColumns = ["Headline", "Body", "Captions", "Quotes"];

    private static readonly string Headline = $"StartSel=\"{HighlightedText.Open}\", StopSel=\"{HighlightedText.Close}\", HighlightAll=true";

    /// <summary>
    /// A search's statements run in a transaction that prices sequential scans out. For a word most stories
    /// hold, the planner would rather read the whole table than the GIN index, and then unpacks and tests
    /// every story's tsvector: 0.8-1.3 s to count `year` at 100k stories against 0.25-0.4 s through the index
    /// (docs/benchmarks.md, "Search on PostgreSQL at N = 100k"). JIT is off with it: the price put on a
    /// sequential scan, even one of a single-row table, lifts a plan's cost over <c>jit_above_cost</c>, and
    /// compiling took 200 ms of a 25 ms statement.
    /// </summary>
    public override async Task<IAsyncDisposable?> BeginAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL jit = off", cancellationToken);
        return transaction;
    }

    public override IQueryable<SearchMatch> Matches(NewsDbContext db, SearchRequest request)
        => db.Set<SearchMatch>().FromSqlRaw(Select("0.0::float8", request) + " AND s.\"Document\" @@ to_tsquery('english', {0})", TsQueryText.Of(request.Query));

    public override IQueryable<SearchMatch> InHeadlineTier(NewsDbContext db, SearchRequest request, HeadlineTier tier)
    {
        var sql = Select(SearchRanking.Number(tier.Score) + "::float8", request) + " AND s.\"HeadlineVector\" @@ to_tsquery('english', {0})";
        if (tier.ProvesMatch)
            return db.Set<SearchMatch>().FromSqlRaw(sql, TsQueryText.Headline(tier));
        return db.Set<SearchMatch>().FromSqlRaw(sql + " AND s.\"Document\" @@ to_tsquery('english', {1})", TsQueryText.Headline(tier), TsQueryText.Of(request.Query));
    }

    // The candidates are chosen by key alone, then joined back to their rows, so ts_rank_cd reads only their documents.
    public override IQueryable<SearchMatch> BelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest)
    {
        var day = $"coalesce(extract(epoch from s.\"PublishedAt\")::float8 / 86400.0 + {SearchRanking.Number(SearchRanking.DaysFrom1900To1970)}, 0.0)";
        var score = $"ts_rank_cd({SearchRanking.PostgresWeights}, s.\"Document\", to_tsquery('english', {{0}}))::float8 * {SearchRanking.FreshnessSql(day, "{1}::float8", "greatest")}";
        var sql = $$"""
            SELECT c."Key", s."ArticleId", s."SectionId", s."Month", {{score}} AS "Score"
            FROM ({{Newest(request, lowest, 2)}}) AS c JOIN "ArticleSearch" s ON s."ArticleId" = c."ArticleId"
            """;
        return db.Set<SearchMatch>().FromSqlRaw(sql, Parameters(request, lowest, request.Today));
    }

    public override IQueryable<SearchMatch> OlderBelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest)
    {
        var sql = $$"""
            {{Select("0.0::float8", request)}} AND s."Document" @@ to_tsquery('english', {0}){{NotInHeadlineTiers(lowest, 1)}}
             AND {{Key}} < (SELECT min(n."Key") FROM ({{Newest(request, lowest, 1)}}) AS n)
            """;
        return db.Set<SearchMatch>().FromSqlRaw(sql, Parameters(request, lowest, null));
    }

    // The newest matches below the headline tiers, by key: {0} the query, {headlines} the headline tiers' query.
    private static string Newest(SearchRequest request, HeadlineTier? lowest, int headlines)
        => $$"""
            SELECT {{Key}} AS "Key", s."ArticleId" FROM "ArticleSearch" s
            WHERE {{(request.PublishedOnly ? "s.\"IsPublic\"" : "TRUE")}} AND s."Document" @@ to_tsquery('english', {0}){{NotInHeadlineTiers(lowest, headlines)}}
            ORDER BY 1 DESC LIMIT {{SearchRanking.RankedMatches}}
            """;

    private static string NotInHeadlineTiers(HeadlineTier? lowest, int parameter)
        => lowest is null ? "" : $" AND NOT s.\"HeadlineVector\" @@ to_tsquery('english', {{{parameter}}})";

    private static object[] Parameters(SearchRequest request, HeadlineTier? lowest, double? today)
        => [TsQueryText.Of(request.Query), .. today is { } t ? new object[] { t } : [], .. lowest is null ? [] : new object[] { TsQueryText.AtLeast(lowest) }];

    public override IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchRequest request, IReadOnlyList<SearchMatch> matches)
    {
        const string Mark = "ts_headline('english', s.\"{0}\", q, {{1}}) AS \"{0}\"";
        var sql = $$"""
            SELECT {{Key}} AS "Key", {{string.Join(", ", MarkedColumns.Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, Mark, c)))}}
            FROM "ArticleSearch" s CROSS JOIN to_tsquery('english', {0}) AS q WHERE s."ArticleId" = ANY({2})
            """;
        return db.Set<MarkedDocument>().FromSqlRaw(sql, TsQueryText.Of(request.Query), Headline, matches.Select(m => m.ArticleId).ToArray());
    }

    // The key orders stories by publication time, newest last: seconds since 1970, then the id.
    private const string Key = """((floor(coalesce(extract(epoch FROM s."PublishedAt"), 0))::bigint << 32) | s."ArticleId")""";

    private static string Select(string score, SearchRequest request)
        => $"""
            SELECT {Key} AS "Key", s."ArticleId", s."SectionId", s."Month", {score} AS "Score"
            FROM "ArticleSearch" s WHERE {(request.PublishedOnly ? "s.\"IsPublic\"" : "TRUE")}
            """;
}
