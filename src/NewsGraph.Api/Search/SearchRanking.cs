using System.Globalization;

namespace NewsGraph.Api.Search;

/// <summary>
/// How matches are scored, tuned on the relevance set (tests/NewsGraph.Api.Tests/Search/RelevanceSet.json;
/// docs/architecture.md, "Search the archive"). A story's relevance is the database's own measure
/// (FTS5's bm25, PostgreSQL's ts_rank_cd) with the headline weighted most, then names, quotes and
/// captions, then the body; it is raised by up to <see cref="FreshnessBoost"/> for a story published
/// today, half that for one a <see cref="FreshnessHalfLifeDays"/> old, so that of two otherwise equal
/// stories the more recent comes first.
/// </summary>
public static class SearchRanking
{
    public const double HeadlineWeight = 10;
    public const double BodyWeight = 1;
    public const double CaptionWeight = 2;
    public const double QuoteWeight = 2;
    public const double NameWeight = 4;

    /// <summary>PostgreSQL's weights of its four labels, D (body), C (captions, quotes), B (names), A (headline).</summary>
    public const string PostgresWeights = "ARRAY[0.1, 0.2, 0.4, 1.0]::float4[]";

    /// <summary>
    /// Below the headline tiers, how many of the newest matches are ranked by relevance; older matches
    /// follow newest first. Scoring every match of a word most stories hold (100-200 ms at 100k stories)
    /// would otherwise set the cost of a search; news favours the recent anyway.
    /// </summary>
    public const int RankedMatches = 1000;

    public const double FreshnessBoost = 0.1;
    public const double FreshnessHalfLifeDays = 365;

    /// <summary>Days since 1 January 1900 of the current UTC day: scores stay the same all day, so cursors do.</summary>
    public static double Today(TimeProvider time)
        => Math.Floor((time.GetUtcNow().UtcDateTime - DateTime.UnixEpoch).TotalDays) + DaysFrom1900To1970;

    public const double DaysFrom1900To1970 = 25567;

    /// <summary>The factor freshness applies, as SQL over <paramref name="day"/> (days since 1900) and <paramref name="today"/>.</summary>
    public static string FreshnessSql(string day, string today, string max = "max")
        => $"(1.0 + {Number(FreshnessBoost)} / (1.0 + {max}(0.0, {today} - ({day})) / {Number(FreshnessHalfLifeDays)}))";

    public static string Number(double value) => value.ToString("0.0###############", CultureInfo.InvariantCulture);
}
