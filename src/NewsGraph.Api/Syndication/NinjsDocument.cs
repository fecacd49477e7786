using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;

namespace NewsGraph.Api.Syndication;

/// <summary>
/// A story as an IPTC ninjs 2.1 document (https://iptc.org/std/ninjs/). ninjs 2 names what 1.x called
/// <c>headline</c>, <c>byline</c>, <c>body_text</c>/<c>body_html</c> and <c>description_text</c> as
/// <c>headlines</c>, <c>by</c>, <c>bodies</c> (text/plain and text/html) and <c>descriptions</c>; photos are
/// <c>associations</c> of type <c>picture</c> with their caption, credit line, copyright holder and usage terms.
/// </summary>
public static class NinjsDocument
{
    public const string SchemaUri = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

    public static JsonObject Build(SyndicatedStory story, SyndicationOptions options)
    {
        var article = story.Article;
        var document = new JsonObject
        {
            ["uri"] = story.Uri(options),
            ["standard"] = new JsonObject { ["name"] = "ninjs", ["version"] = "2.1", ["schema"] = SchemaUri },
            ["type"] = "text",
            ["version"] = article.Version.ToString(CultureInfo.InvariantCulture),
            ["firstcreated"] = Time(story.FirstCreated),
            ["versioncreated"] = Time(story.VersionCreated),
            ["pubstatus"] = article.Status switch
            {
                ArticleStatus.Published => "usable",
                ArticleStatus.Withdrawn => "canceled",
                _ => "withheld",
            },
            // IPTC urgency: 1 is the highest, 5 the usual.
            ["urgency"] = article.IsUrgent ? 1 : 5,
            ["language"] = article.Language,
            ["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = article.Headline }),
            ["copyrightholder"] = story.CopyrightHolder(options),
            ["copyrightnotice"] = $"Copyright {(article.PublishedAtLocal ?? story.VersionCreated).Year} {story.CopyrightHolder(options)}",
        };
        if (article.Status == ArticleStatus.Scheduled && article.PublishedAtLocal is { } embargo)
            document["embargoed"] = Time(embargo);
        if (article.PublishedAtLocal is { } published)
            document["contentcreated"] = Time(published);
        Optional(document, "usageterms", options.UsageTerms);
        Optional(document, "by", story.Byline.Count > 0 ? string.Join(", ", story.Byline.Select(b => b.Person.Name)) : null);
        Optional(document, "located", story.Dateline);
        Optional(document, "slugline", article.Slug);
        if (article.Genre is { } genre)
            document["genres"] = new JsonArray([.. genre.Split(", ").Select(g => (JsonNode)new JsonObject { ["name"] = g })]);
        if (article.RevisionLabel is { } revision)
            document["altids"] = new JsonArray(new JsonObject { ["role"] = "revision", ["value"] = revision });
        if (article.Paragraphs.Count > 0)
            document["descriptions"] = new JsonArray(new JsonObject { ["role"] = "summary", ["contenttype"] = "text/plain", ["value"] = article.Paragraphs[0] });
        document["bodies"] = Bodies(article.Paragraphs);
        if (People(story) is { Count: > 0 } people)
            document["people"] = people;
        if (article.DatelinePlaces.Count > 0)
            document["places"] = new JsonArray([.. article.DatelinePlaces.Select(p => (JsonNode)new JsonObject { ["name"] = p, ["rel"] = "located" })]);
        if (story.Images.Count > 0)
            document["associations"] = new JsonArray([.. story.Images.Select((image, i) => (JsonNode)Picture(image, i + 1, story, options))]);
        return document;
    }

    private static JsonArray Bodies(IReadOnlyList<string> paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        var words = paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var html = string.Concat(paragraphs.Select(p => $"<p>{HtmlEncoder.Default.Encode(p)}</p>"));
        return new JsonArray(
            new JsonObject { ["role"] = "main", ["contenttype"] = "text/plain", ["charcount"] = text.Length, ["wordcount"] = words, ["value"] = text },
            new JsonObject { ["role"] = "main", ["contenttype"] = "text/html", ["charcount"] = text.Length, ["wordcount"] = words, ["value"] = html });
    }

    /// <summary>The byline with each one's role, then the people the story quotes.</summary>
    private static JsonArray People(SyndicatedStory story)
    {
        var people = new JsonArray();
        foreach (var (person, role) in story.Byline)
            people.Add(new JsonObject { ["name"] = person.Name, ["rel"] = role.ToString().ToLowerInvariant(), ["uri"] = SyndicatedStory.PersonUri(person) });
        foreach (var person in story.Quoted.Where(q => story.Byline.All(b => b.Person.Id != q.Id)))
        {
            people.Add(new JsonObject { ["name"] = person.Name, ["rel"] = "quoted", ["uri"] = SyndicatedStory.PersonUri(person) });
        }
        return people;
    }

    private static JsonObject Picture(Image image, int number, SyndicatedStory story, SyndicationOptions options)
    {
        var picture = new JsonObject
        {
            ["name"] = $"picture{number}",
            ["uri"] = SyndicatedStory.ImageUri(image),
            ["type"] = "picture",
            ["version"] = image.Version.ToString(CultureInfo.InvariantCulture),
            ["descriptions"] = Descriptions(image),
            ["copyrightholder"] = image.Credit ?? story.CopyrightHolder(options),
        };
        Optional(picture, "usageterms", image.RightsNote ?? options.UsageTerms);
        Optional(picture, "by", image.Provider);
        Optional(picture, "ednote", image.IsFilePhoto ? "File photo" : null);
        if (image.TakenOn is { } taken)
            picture["contentcreated"] = Time(new DateTimeOffset(taken.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (image.Url is { } url)
            picture["renditions"] = new JsonArray(new JsonObject { ["name"] = "original", ["href"] = url });
        return picture;
    }

    private static JsonArray Descriptions(Image image)
    {
        var descriptions = new JsonArray(new JsonObject { ["role"] = "caption", ["contenttype"] = "text/plain", ["value"] = image.Caption });
        if (image.Credit is { } credit)
            descriptions.Add(new JsonObject { ["role"] = "creditline", ["value"] = credit });
        if (image.AltText is { } alt)
            descriptions.Add(new JsonObject { ["role"] = "alt", ["value"] = alt });
        return descriptions;
    }

    private static void Optional(JsonObject target, string name, string? value)
    {
        if (value is not null)
            target[name] = value;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
