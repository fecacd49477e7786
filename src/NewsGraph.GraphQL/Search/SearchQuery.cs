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
    /// The words of a query that is two or more plain words and nothing else, in the order written:
    /// a document holding them side by side, as a phrase, matches it best. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> AdjacentWords
        => Clauses.Count >= 2 && Clauses.All(c => c.Alternatives is [{ Kind: SearchTermKind.Word }])
            ? [.. Clauses.Select(c => c.Alternatives[0].Text)]
            : [];
}
