using System.Globalization;
using System.Text.Json.Nodes;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Syndication;

/// <summary>
/// A story as schema.org <c>NewsArticle</c> JSON-LD, with the properties Google's article guidelines recommend
/// (headline, image, datePublished, dateModified, author, publisher) and dateline, copyrightHolder and
/// isAccessibleForFree. Photos are <c>ImageObject</c>s with caption and credit; their <c>url</c> when it is known.
/// </summary>
public static class NewsArticleJsonLd
{
    public static JsonObject Build(SyndicatedStory story, SyndicationOptions options)
    {
        var article = story.Article;
        var holder = story.CopyrightHolder(options);
        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["@id"] = story.Uri(options),
            ["headline"] = article.Headline,
            ["image"] = new JsonArray([.. story.Images.Select(image => (JsonNode)ImageObject(image, holder))]),
            ["datePublished"] = Time(article.PublishedAtLocal ?? story.FirstCreated),
            ["dateModified"] = Time(story.VersionCreated),
            ["author"] = new JsonArray([.. story.Byline.Select(b => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = b.Person.Name })]),
            ["publisher"] = Publisher(options),
            ["copyrightHolder"] = new JsonObject { ["@type"] = "Organization", ["name"] = holder },
            ["copyrightYear"] = (article.PublishedAtLocal ?? story.VersionCreated).Year,
            ["isAccessibleForFree"] = true,
            ["inLanguage"] = article.Language,
            ["articleSection"] = story.Section,
            ["articleBody"] = string.Join("\n\n", article.Paragraphs),
        };
        if (story.Dateline is { } dateline)
            document["dateline"] = dateline;
        if (article.Paragraphs.Count > 0)
            document["description"] = article.Paragraphs[0];
        if (article.Genre is { } genre)
            document["genre"] = genre;
        if (options.SiteUrl is { Length: > 0 })
        {
            document["url"] = story.Uri(options);
            document["mainEntityOfPage"] = story.Uri(options);
        }
        return document;
    }

    private static JsonObject ImageObject(Images.Image image, string holder)
    {
        var imageObject = new JsonObject
        {
            ["@type"] = "ImageObject",
            ["@id"] = SyndicatedStory.ImageUri(image),
            ["caption"] = image.Caption,
            ["creditText"] = image.Credit ?? holder,
            ["copyrightHolder"] = new JsonObject { ["@type"] = "Organization", ["name"] = image.Credit ?? holder },
        };
        if (image.Url is { } url)
        {
            imageObject["url"] = url;
            imageObject["contentUrl"] = url;
        }
        if (image.RightsNote is { } rights)
            imageObject["copyrightNotice"] = rights;
        return imageObject;
    }

    private static JsonObject Publisher(SyndicationOptions options)
    {
        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = options.Publisher };
        if (options.PublisherLogoUrl is { } logo)
            publisher["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = logo };
        if (options.SiteUrl is { Length: > 0 } site)
            publisher["url"] = site;
        return publisher;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
