namespace NewsGraph.Api.Articles;

/// <summary>What an edit did to a story, for its revision history and its event; no changes, nothing saved.</summary>
public sealed record ArticleChange(string Action, List<string> Changes, ArticleEventKind? Event = null);
