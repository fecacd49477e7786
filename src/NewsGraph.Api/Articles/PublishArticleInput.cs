namespace NewsGraph.Api.Articles;

/// <summary><c>publishArticle</c>'s input: now when <see cref="PublishAt"/> is null or past, else under embargo until then.</summary>
public sealed record PublishArticleInput(string Id, int Version, DateTimeOffset? PublishAt);
