using GraphQL;

namespace NewsGraph.Api.Articles;

public static class ArticleErrors
{
    public const string NotFoundCode = "ARTICLE_NOT_FOUND";

    public const string WithdrawnCode = "ARTICLE_WITHDRAWN";

    public static ExecutionError Withdrawn(string slug, string? notice) => new($"The story `{slug}` has been withdrawn. {notice}".TrimEnd())
    {
        Code = WithdrawnCode,
        Extensions = new() { ["slug"] = slug, ["notice"] = notice },
    };

    public static ExecutionError NotFound(string slug) => new($"No published article has the slug `{slug}`.")
    {
        Code = NotFoundCode,
        Extensions = new() { ["slug"] = slug },
    };
}
