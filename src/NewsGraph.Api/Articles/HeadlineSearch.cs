using GraphQL;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Substring search on headlines without reading every headline: <c>headline: { contains: "tariff" }</c>
/// (and <c>icontains</c>) first asks the <c>ArticleHeadlines</c> FTS5 index, whose trigram tokenizer
/// finds any substring of three characters or more, for the stories that can match. The filter itself
/// still runs on those, so results are exactly what it says (the index ignores case; <c>contains</c>
/// does not). Shorter terms, and terms under an <c>or</c>, are searched the plain way.
/// </summary>
public static class HeadlineSearch
{
    private const int TrigramLength = 3;

    /// <summary>Narrows <paramref name="articles"/> to the index's candidates for every headline term <c>where</c> requires.</summary>
    public static IQueryable<Article> NarrowByHeadline(this IQueryable<Article> articles, NewsDbContext db, IResolveFieldContext context)
    {
        if (context.GetArgument<Dictionary<string, object?>?>("where") is not { } where)
            return articles;
        foreach (var term in RequiredTerms(where).Where(t => t.Length >= TrigramLength).Distinct(StringComparer.Ordinal))
        {
            var candidates = db.HeadlineMatches(Phrase(term)).Select(m => m.Id);
            articles = articles.Where(a => candidates.Contains(a.Id));
        }
        return articles;
    }

    /// <summary>The headline substrings every result must contain: the object's own and those of its <c>and</c> list, not of <c>or</c>.</summary>
    private static IEnumerable<string> RequiredTerms(IDictionary<string, object?> filter)
    {
        if (filter.TryGetValue("headline", out var headline) && headline is IDictionary<string, object?> operations)
        {
            foreach (var operation in new[] { "contains", "icontains" })
            {
                if (operations.TryGetValue(operation, out var value) && value is string term)
                    yield return term;
            }
        }
        if (filter.TryGetValue("and", out var and) && and is IEnumerable<object?> all)
        {
            foreach (var part in all.OfType<IDictionary<string, object?>>())
            {
                foreach (var term in RequiredTerms(part))
                    yield return term;
            }
        }
    }

    /// <summary>An FTS5 phrase: the term quoted, its quotes doubled, so no character has a query meaning.</summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
