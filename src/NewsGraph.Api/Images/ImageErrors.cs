using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

/// <summary>The errors of the Images feature.</summary>
public static class ImageErrors
{
    /// <summary>Images, as mutations name them in not-found and version-conflict errors.</summary>
    public static readonly EntityKind Image = new("Image", "image");

    public static InvalidInputError UrlNotAbsolute() => new("`url` must be an absolute URL.", "url");
}
