using System.Text.Json;
using System.Text.Json.Serialization;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Import;

/// <summary>
/// A story written out by hand as JSON (<c>seeds/*.json</c>), every fact of its wire page in a
/// field. Stands in for the wire-text importer until that exists.
/// </summary>
public sealed record CuratedStory(
    string Slug,
    string Headline,
    string? RevisionLabel,
    string? Genre,
    bool IsUrgent,
    string Section,
    DateTimeOffset PublishedAt,
    string Language,
    CuratedStory.DatelineFacts Dateline,
    IReadOnlyList<CuratedStory.BylineFacts> Bylines,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<CuratedStory.ImageFacts> Images,
    IReadOnlyList<CuratedStory.PersonFacts> People,
    IReadOnlyList<CuratedStory.QuoteFacts> Quotes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record DatelineFacts(IReadOnlyList<string> Places, string? Date, string? Source);
    public sealed record BylineFacts(string Name, string? Title, string? Organization, BylineRole Role);
    public sealed record ImageFacts(string Caption, string? Credit, string? Provider, string? RightsNote, bool IsNotForSale, bool IsFilePhoto, DateOnly? TakenOn);
    public sealed record PersonFacts(string Name, string? Title, string? Organization);
    public sealed record QuoteFacts(string Speaker, string? SpeakerTitle, string Text);

    public static async Task<CuratedStory> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<CuratedStory>(stream, Json, cancellationToken)
               ?? throw new InvalidDataException($"{path} holds no story.");
    }

    /// <summary>Adds the story, its section, people and images to <paramref name="db"/> (not saved).</summary>
    public void AddTo(NewsDbContext db, DateTime now)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        Person PersonNamed(string name, string? title, string? organization)
        {
            if (!people.TryGetValue(name, out var person))
                people[name] = person = new Person { Name = name, Title = title, Organization = organization };
            return person;
        }

        foreach (var p in People)
            PersonNamed(p.Name, p.Title, p.Organization);

        var article = new Article
        {
            Slug = Slug,
            Headline = Headline,
            RevisionLabel = RevisionLabel,
            Genre = Genre,
            IsUrgent = IsUrgent,
            Section = new Section { Slug = Articles.Slug.From(Section), Name = Section },
            Status = ArticleStatus.Published,
            PublishedAt = PublishedAt.UtcDateTime,
            PublishedOffsetMinutes = (short)PublishedAt.Offset.TotalMinutes,
            UpdatedAt = now,
            DatelinePlaces = [.. Dateline.Places],
            DatelineDate = Dateline.Date,
            DatelineSource = Dateline.Source,
            Language = Language,
            Paragraphs = [.. Paragraphs],
            Bylines = [.. Bylines.Select((b, i) => new Byline { Person = PersonNamed(b.Name, b.Title, b.Organization), Position = i + 1, Role = b.Role })],
            Images = [.. Images.Select((image, i) => new ArticleImage
            {
                Position = i + 1,
                Image = new Image
                {
                    Caption = image.Caption,
                    Credit = image.Credit,
                    Provider = image.Provider,
                    RightsNote = image.RightsNote,
                    IsNotForSale = image.IsNotForSale,
                    IsFilePhoto = image.IsFilePhoto,
                    TakenOn = image.TakenOn,
                },
            })],
            Quotes = [.. Quotes.Select((q, i) => new Quote
            {
                Speaker = PersonNamed(q.Speaker, q.SpeakerTitle, null),
                SpeakerTitle = q.SpeakerTitle,
                Text = q.Text,
                Position = i + 1,
            })],
        };
        db.Articles.Add(article);
    }
}
