namespace NewsGraph.Api.Articles;

/// <summary><c>withdrawArticle</c>'s input: the notice readers are shown instead of the story.</summary>
public sealed record WithdrawArticleInput(string Id, int Version, string? Notice);
