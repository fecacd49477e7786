using System.Linq.Expressions;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// One search as asked: the parsed query, the <c>where</c> filter, whether the caller sees only
/// published stories, and the day its scores are reckoned from.
/// </summary>
public sealed record SearchRequest(SearchQuery Query, Expression<Func<Article, bool>>? Filter, bool PublishedOnly, double Today)
{
    public IReadOnlyList<HeadlineTier> HeadlineTiers { get; } = HeadlineTier.Of(Query);

    /// <summary>Every match, within the filter: for counts and facets.</summary>
    public IQueryable<SearchMatch> Matches(NewsDbContext db) => Filtered(db, SearchIndex.For(db).Matches(db, this));

    /// <summary>The matches in ranking order, a query per tier: the headline tiers, the newest of the rest ranked, then the older rest.</summary>
    public IReadOnlyList<IQueryable<SearchMatch>> Tiers(NewsDbContext db)
    {
        var index = SearchIndex.For(db);
        var lowest = HeadlineTiers.Count > 0 ? HeadlineTiers[^1] : null;
        return [.. HeadlineTiers.Select(t => Filtered(db, index.InHeadlineTier(db, this, t))),
            Filtered(db, index.BelowHeadlines(db, this, lowest)), Filtered(db, index.OlderBelowHeadlines(db, this, lowest))];
    }

    /// <summary>The score shown for a match of tier <paramref name="tier"/>: the tier's, or under 1 below the headline tiers (0 for the older rest).</summary>
    public double Score(SearchMatch match, int tier)
        => tier < HeadlineTiers.Count ? HeadlineTiers[tier].Score : match.Score / (1 + match.Score);

    private IQueryable<SearchMatch> Filtered(NewsDbContext db, IQueryable<SearchMatch> matches)
    {
        if (Filter is null)
            return matches;
        var filtered = db.Articles.Where(Filter).Select(a => a.Id);
        return matches.Where(m => filtered.Contains(m.ArticleId));
    }
}
