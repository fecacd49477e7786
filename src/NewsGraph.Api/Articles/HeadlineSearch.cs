using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Substring search on headlines without reading every headline: <c>headline: { contains: "tariff" }</c>
/// (and <c>icontains</c>). On SQLite, the <c>ArticleHeadlines</c> FTS5 index, whose trigram tokenizer
/// finds any substring of three characters or more, is asked first for the stories that can match;
/// the filter itself still runs on those, so results are exactly what it says (the index ignores
/// case; <c>contains</c> does not). PostgreSQL's planner uses its pg_trgm index for the filter's own
/// <c>LIKE</c>, so nothing is added there. Shorter terms, and terms under an <c>or</c>, are searched
/// the plain way. The terms come from the toolkit's <see cref="FilterRequirements{T}"/>, through the
/// field's <c>Narrow</c> hook.
/// </summary>
public static class HeadlineSearch
{
    private const int TrigramLength = 3;

    /// <summary>Narrows <paramref name="articles"/> to the index's candidates for every headline term the filter requires.</summary>
    public static IQueryable<Article> NarrowByHeadline(this IQueryable<Article> articles, NewsDbContext db, FilterRequirements<Article> filter)
    {
        var terms = filter.Operands(a => a.Headline, FilterOperations.Contains, FilterOperations.IContains).OfType<string>();
        foreach (var term in terms.Where(t => t.Length >= TrigramLength).Distinct(StringComparer.Ordinal))
        {
            if (db.HeadlineCandidates(term) is not { } candidates)
                return articles;
            var ids = candidates.Select(m => m.Id);
            articles = articles.Where(a => ids.Contains(a.Id));
        }
        return articles;
    }
}
