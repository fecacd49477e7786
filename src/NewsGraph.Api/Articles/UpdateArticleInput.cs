namespace NewsGraph.Api.Articles;

/// <summary><c>updateArticle</c>'s input: the fields to change, on the version they are based on.</summary>
public sealed record UpdateArticleInput(string Id, int Version, ArticleFieldsInput Fields);
