using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Search;

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

    private static readonly string[] MarkedColumns = ["Headline", "Body", "Captions", "Quotes"];

    private static readonly string Headline = $"StartSel=\"{HighlightedText.Open}\", StopSel=\"{HighlightedText.Close}\", HighlightAll=true";

    public override IQueryable<SearchMatch> Matches(NewsDbContext db, SearchQuery query, SearchTier tier, bool publishedOnly, bool ranked, double today)
    {
        var parameters = new List<object> { TsQueryText.Of(query) };
        var score = "0.0::float8";
        if (ranked)
        {
            parameters.Add(today);
            var day = $"coalesce(extract(epoch from s.\"PublishedAt\")::float8 / 86400.0 + {SearchRanking.Number(SearchRanking.DaysFrom1900To1970)}, 0.0)";
            score = $"ts_rank_cd({SearchRanking.PostgresWeights}, s.\"Document\", to_tsquery('english', {{0}}))::float8 * {SearchRanking.FreshnessSql(day, "{1}::float8", "greatest")}";
        }
        var sql = $$"""
            SELECT s."ArticleId"::bigint AS "Key", s."ArticleId", s."SectionId", s."Month", {{score}} AS "Score"
            FROM "ArticleSearch" s WHERE s."Document" @@ to_tsquery('english', {0})
            """;
        if (publishedOnly)
            sql += " AND s.\"IsPublic\"";
        if (tier != SearchTier.All)
        {
            parameters.Add(TsQueryText.AnyTerm(query));
            sql += $" AND {(tier == SearchTier.Headline ? "" : "NOT ")}s.\"HeadlineVector\" @@ to_tsquery('english', {{{parameters.Count - 1}}})";
        }
        return db.Set<SearchMatch>().FromSqlRaw(sql, [.. parameters]);
    }

    public override IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchQuery query, IReadOnlyList<long> keys)
    {
        const string Mark = "ts_headline('english', s.\"{0}\", q, {{1}}) AS \"{0}\"";
        var sql = $$"""
            SELECT s."ArticleId"::bigint AS "Key", {{string.Join(", ", MarkedColumns.Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, Mark, c)))}}
            FROM "ArticleSearch" s CROSS JOIN to_tsquery('english', {0}) AS q WHERE s."ArticleId" = ANY({2})
            """;
        return db.Set<MarkedDocument>().FromSqlRaw(sql, TsQueryText.Of(query), Headline, keys.Select(k => (int)k).ToArray());
    }
}
