namespace NewsGraph.GraphQL.Search;

/// <summary>
/// A parsed search (<see cref="SearchQueryParser"/>): every clause must match, none of the
/// exclusions may. Databases turn it into their own query language.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<SearchClause> Clauses, IReadOnlyList<SearchTerm> Exclusions)
{
    /// <summary>Every term a matching document contains at least some of: the alternatives of every clause.</summary>
    public IEnumerable<SearchTerm> PositiveTerms => Clauses.SelectMany(c => c.Alternatives);

    /// <summary>
    /// The words of the clauses that are a single plain word, in the order written, when there are
    /// two or more: a document holding them side by side, as a phrase, matches the query best.
    /// </summary>
    public IReadOnlyList<string> AdjacentWords
    {
        get
        {
            var words = Clauses.Where(c => c.Alternatives is [{ Kind: SearchTermKind.Word }]).Select(c => c.Alternatives[0].Text).ToList();
            return words.Count >= 2 ? words : [];
        }
    }
}
