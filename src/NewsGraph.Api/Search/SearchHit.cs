namespace NewsGraph.Api.Search;

/// <summary>A story a search found, with the score shown for it, on a page of hits.</summary>
public sealed record SearchHit(SearchMatch Match, double Score, SearchPage Page);
