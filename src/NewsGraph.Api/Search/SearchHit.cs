namespace NewsGraph.Api.Search;

/// <summary>A story a search found, with its score, on a page of hits.</summary>
public sealed record SearchHit(SearchMatch Match, SearchPage Page);
