using GraphQL;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>The errors of the Articles feature: query errors (<c>ARTICLE_NOT_FOUND</c>...) and the typed errors of its mutations.</summary>
public static class ArticleErrors
{
    public const string NotFoundCode = "ARTICLE_NOT_FOUND";

    public const string WithdrawnCode = "ARTICLE_WITHDRAWN";

    public const string SectionNotFoundCode = "SECTION_NOT_FOUND";

    /// <summary>Stories, as mutations name them in not-found and version-conflict errors.</summary>
    public static readonly EntityKind Story = new("Article", "story");

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

    public static InvalidInputError CannotRepublishWithdrawn() => new("A withdrawn story cannot be published again.", "id", WithdrawnCode);

    public static InvalidInputError SlugWithoutLetters() => new("The slug needs letters or digits.", "slug");

    public static InvalidInputError SlugTaken(string slug) => new($"Another story has the slug `{slug}`.", "slug", "SLUG_TAKEN");

    public static InvalidInputError ImageAlreadyAttached() => new("The image is in the story already.", "imageId", "IMAGE_ALREADY_ATTACHED");

    public static InvalidInputError ImageNotAttached() => new("The image is not in the story.", "imageId", "IMAGE_NOT_ATTACHED");

    public static InvalidInputError QuoteNotFound(int position) => new($"The story has no quote at position {position}.", "position", "QUOTE_NOT_FOUND");

    public static InvalidInputError ImagesNotListedOnce() => new("List each of the story's images once.", "imageIds");
}
