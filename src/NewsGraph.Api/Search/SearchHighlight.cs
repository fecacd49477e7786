using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>A snippet of a story that a search matched: where it is (<paramref name="Position"/>: 1-based, null for the headline) and its text.</summary>
public sealed record SearchHighlight(SearchField Field, int? Position, HighlightedText Snippet);
