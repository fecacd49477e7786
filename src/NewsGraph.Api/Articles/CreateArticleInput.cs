namespace NewsGraph.Api.Articles;

/// <summary><c>createArticle</c>'s input: a new draft.</summary>
public sealed record CreateArticleInput(ArticleFieldsInput Fields);
