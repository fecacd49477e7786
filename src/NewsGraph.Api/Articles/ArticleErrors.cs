using GraphQL;

namespace NewsGraph.Api.Articles;

public static class ArticleErrors
{
    public const string NotFoundCode = "ARTICLE_NOT_FOUND";

    public static ExecutionError NotFound(string slug) => new($"No published article has the slug `{slug}`.")
    {
        Code = NotFoundCode,
        Extensions = new() { ["slug"] = slug },
    };
}
