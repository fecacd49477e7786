using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Syndication;

/// <summary>Everything a syndication format says about a story: the story, its section, byline, quoted people and photos.</summary>
/// <param name="FirstCreated">When the story was first saved (its first revision), else its publication or last change.</param>
public sealed record SyndicatedStory(
    Article Article,
    string Section,
    IReadOnlyList<(Person Person, BylineRole Role)> Byline,
    IReadOnlyList<Person> Quoted,
    IReadOnlyList<Image> Images,
    DateTimeOffset FirstCreated)
{
    /// <summary>"SEOUL, Nov. 23 (Yonhap)", as the story's first paragraph opened.</summary>
    public string? Dateline
    {
        get
        {
            var places = string.Join('/', Article.DatelinePlaces);
            if (places.Length == 0)
                return null;
            var date = Article.DatelineDate is { } d ? $", {d}" : "";
            var source = Article.DatelineSource is { } s ? $" ({s})" : "";
            return places + date + source;
        }
    }

    public DateTimeOffset VersionCreated => new(DateTime.SpecifyKind(Article.UpdatedAt, DateTimeKind.Utc));

    public string CopyrightHolder(SyndicationOptions options) => options.CopyrightHolder ?? Article.DatelineSource ?? options.Publisher;

    public string Uri(SyndicationOptions options)
        => options.SiteUrl is { Length: > 0 } site ? $"{site.TrimEnd('/')}/articles/{Article.Slug}" : $"urn:newsgraph:article:{Article.Id}";

    public static string ImageUri(Image image) => image.Url ?? $"urn:newsgraph:image:{image.Id}";

    public static string PersonUri(Person person) => $"urn:newsgraph:person:{person.Id}";
}
