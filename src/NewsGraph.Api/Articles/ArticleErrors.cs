using GraphQL;

namespace NewsGraph.Api.Articles;

public static class ArticleErrors
{
    public const string NotFoundCode = "ARTICLE_NOT_FOUND";

    public const string WithdrawnCode = "ARTICLE_WITHDRAWN";

    public const string SectionNotFoundCode = "SECTION_NOT_FOUND";

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

    public static ExecutionError NotFoundById(string id) => new($"No article you may see has the ID `{id}`.")
    {
        Code = NotFoundCode,
        Extensions = new() { ["id"] = id },
    };

    public static ExecutionError SectionNotFound(string slug) => new($"No section has the slug `{slug}`.")
    {
        Code = SectionNotFoundCode,
        Extensions = new() { ["section"] = slug },
    };
}
