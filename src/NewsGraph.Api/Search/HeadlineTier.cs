using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// One tier of a ranked search: the stories whose headline holds at least <paramref name="AtLeast"/> of
/// <paramref name="Clauses"/> and do not belong to the tier above (<paramref name="Above"/>), all scored
/// <paramref name="Score"/> and listed newest first. Tiers nest: each holds the one above it.
/// <paramref name="ProvesMatch"/>: a headline that meets the tier meets the whole query, so the story
/// need not be checked against the rest of its text.
/// </summary>
public sealed record HeadlineTier(double Score, IReadOnlyList<SearchClause> Clauses, int AtLeast, HeadlineTier? Above, bool ProvesMatch)
{
    /// <summary>Clauses in a query up to which each count of clauses in the headline is a tier of its own; beyond, any count is one tier.</summary>
    public const int MaxGradedClauses = 4;

    /// <summary>
    /// The tiers of <paramref name="query"/>, best first: the query's words as a phrase in the headline
    /// (3), all its clauses in the headline (2), then fewer of them (1 + the share of clauses). Below
    /// them come the stories the headline does not match at all, ranked by the database (under 1).
    /// </summary>
    public static IReadOnlyList<HeadlineTier> Of(SearchQuery query)
    {
        var tiers = new List<HeadlineTier>();
        var clauses = query.Clauses;
        var exact = query.Exclusions.Count == 0;
        if (query.AdjacentWords.Count > 0)
            tiers.Add(new HeadlineTier(3, [new SearchClause([new SearchTerm(string.Join(' ', query.AdjacentWords), SearchTermKind.Phrase, 0)])], 1, null, exact));
        var k = clauses.Count;
        var lowest = k <= MaxGradedClauses ? 1 : k;
        for (var level = k; level >= lowest; level--)
            tiers.Add(new HeadlineTier(1 + (double)level / k, clauses, level, tiers.LastOrDefault(), exact && level == k));
        if (lowest > 1)
            tiers.Add(new HeadlineTier(1 + 1.0 / k, clauses, 1, tiers.Last(), ProvesMatch: false));
        return tiers;
    }

    /// <summary>The combinations of <see cref="AtLeast"/> clauses, any of which the headline must hold.</summary>
    public IEnumerable<IReadOnlyList<SearchClause>> Combinations()
        => Choose(Clauses, AtLeast, 0);

    private static IEnumerable<IReadOnlyList<SearchClause>> Choose(IReadOnlyList<SearchClause> clauses, int count, int from)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = from; i <= clauses.Count - count; i++)
        {
            foreach (var rest in Choose(clauses, count - 1, i + 1))
                yield return [clauses[i], .. rest];
        }
    }
}
