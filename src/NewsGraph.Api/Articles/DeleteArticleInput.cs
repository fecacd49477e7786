namespace NewsGraph.Api.Articles;

/// <summary><c>deleteArticle</c>'s input.</summary>
public sealed record DeleteArticleInput(string Id, int Version);
