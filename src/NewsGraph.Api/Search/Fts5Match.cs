using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// A search in FTS5's query syntax. Every term is a quoted string, so FTS5's tokenizer splits and
/// stems it as it did the stories and no character of it is an operator.
/// </summary>
public static class Fts5Match
{
    /// <summary>
    /// What a matching story must hold. Ranked, a query of plain words also offers them as a phrase
    /// (<c>("budget plan" OR ("budget" AND "plan"))</c>): the same stories match, and bm25 scores
    /// those holding the phrase higher.
    /// </summary>
    public static string Of(SearchQuery query, bool ranked)
    {
        var adjacent = ranked ? query.AdjacentWords : [];
        var required = adjacent.Count > 0
            ? $"({Quote(string.Join(' ', adjacent))} OR ({string.Join(" AND ", adjacent.Select(Quote))}))"
            : string.Join(" AND ", query.Clauses.Select(Clause));
        return query.Exclusions.Count == 0
            ? required
            : $"({required}) NOT ({string.Join(" OR ", query.Exclusions.Select(Term))})";
    }

    /// <summary>The headlines of <paramref name="tier"/>: at least its count of its clauses, and not the tier above.</summary>
    public static string Headline(HeadlineTier tier)
        => tier.Above is null ? AtLeast(tier) : $"({AtLeast(tier)}) NOT ({AtLeast(tier.Above)})";

    /// <summary>The headlines of <paramref name="tier"/> and every tier above it.</summary>
    public static string AtLeast(HeadlineTier tier)
        => string.Join(" OR ", tier.Combinations().Select(c => "(" + string.Join(" AND ", c.Select(Clause)) + ")"));

    private static string Clause(SearchClause clause) => "(" + string.Join(" OR ", clause.Alternatives.Select(Term)) + ")";

    private static string Term(SearchTerm term) => term.Kind == SearchTermKind.Prefix ? Quote(term.Text) + " *" : Quote(term.Text);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
