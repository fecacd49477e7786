namespace NewsGraph.GraphQL.Search;

/// <summary>Terms joined by <c>OR</c>: a document must match one of them (a single term when there is no <c>OR</c>).</summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Alternatives);
