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
    /// <summary>The request's matches in <paramref name="tier"/>, within its filter.</summary>
    public IQueryable<SearchMatch> Matches(NewsDbContext db, SearchTier tier, bool ranked)
    {
        var matches = SearchIndex.For(db).Matches(db, Query, tier, PublishedOnly, ranked, Today);
        if (Filter is null)
            return matches;
        var filtered = db.Articles.Where(Filter).Select(a => a.Id);
        return matches.Where(m => filtered.Contains(m.ArticleId));
    }
}
