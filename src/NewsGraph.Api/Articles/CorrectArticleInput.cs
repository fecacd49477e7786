namespace NewsGraph.Api.Articles;

/// <summary><c>correctArticle</c>'s input: the public notice and the fixed headline or paragraphs.</summary>
public sealed record CorrectArticleInput(string Id, int Version, string? Notice, ArticleFieldsInput Fields);
