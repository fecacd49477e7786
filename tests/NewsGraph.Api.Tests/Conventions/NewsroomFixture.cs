using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Conventions;

/// <summary>
/// 48 varied stories (sections, drafts, equal timestamps, markers, datelines, bylines, photos with
/// rights, quotes) beside the seed story. Tests compute what they expect with LINQ over
/// <see cref="Articles"/>, the database read back whole, and compare with what GraphQL answers.
/// </summary>
public sealed class NewsroomFixture : IAsyncLifetime
{
    private static readonly string[] Topics = ["Tariff talks", "Space program", "Election results", "Chip exports", "Climate summit", "tariff relief"];
    private static readonly string[] ReporterNames = ["Kim Ji-won", "Lee Min-ho", "Park Soo-jin", "Choi Hyun-woo", "Jung Da-eun", "Kang Tae-hoon"];
    private static readonly (string Name, string Title)[] Officials =
    [
        ("Moon Jae-in", "President"), ("Kang Kyung-wha", "Foreign Minister"), ("Suh Wook", "Defense Minister"),
        ("Lee In-young", "Unification Minister"), ("John Raymond", "Gen."), ("Hong Nam-ki", "Finance Minister"),
    ];

    /// <summary>The application; these tests read whole pages of 50 with lists nested in them.</summary>
    public NewsGraphApplication App { get; } = new() { LiftCostLimits = true };

    /// <summary>Every article in the database with its relations, as EF reads them.</summary>
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public IReadOnlyList<Article> Published => [.. Articles.Where(a => a.Status == ArticleStatus.Published)];

    public async Task InitializeAsync()
    {
        await using (var db = await App.CreateDbContextAsync())
        {
            var cast = new Cast(
                [.. new[] { "Business", "Politics", "World", "Technology" }.Select(n => new Section { Slug = Slug.From(n), Name = n })],
                [.. ReporterNames.Select(n => new Person { Name = n, Organization = "Yonhap" })],
                new Person { Name = "Yoon Sang-hoon", Title = "Photographer", Organization = "Yonhap" },
                [.. Officials.Select(o => new Person { Name = o.Name, Title = o.Title })]);
            for (var i = 1; i <= 48; i++)
                db.Articles.Add(Story(i, cast));
            await db.SaveChangesAsync();
        }

        await using var read = await App.CreateDbContextAsync();
        Articles = await read.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Section)
            .Include(a => a.Bylines).ThenInclude(b => b.Person)
            .Include(a => a.Images).ThenInclude(i => i.Image)
            .Include(a => a.Quotes).ThenInclude(q => q.Speaker)
            .ToListAsync();
    }

    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The sections and people the stories share.</summary>
    private sealed record Cast(Section[] Sections, Person[] Reporters, Person Photographer, Person[] Officials);

    /// <summary>Story <paramref name="i"/>: its values vary with <c>i</c> so that every filter, order and page has ties, nulls and gaps to meet.</summary>
    private static Article Story(int i, Cast cast)
    {
        var topic = Topics[i % Topics.Length];
        var bylines = Enumerable.Range(0, 1 + (i % 3))
            .Select(k => new Byline { Person = cast.Reporters[(i + k) % cast.Reporters.Length], Position = k + 1, Role = BylineRole.Author }).ToList();
        if (i % 6 == 0)
            bylines.Add(new Byline { Person = cast.Photographer, Position = bylines.Count + 1, Role = BylineRole.Photographer });
        return new Article
        {
            Slug = $"story-{i:00}",
            Headline = $"{topic} story {i}",
            RevisionLabel = (i % 7) switch { 0 => "LEAD", 1 => "2nd LD", _ => null },
            Genre = i % 9 == 0 ? "News Focus" : null,
            IsUrgent = i % 10 == 0,
            Section = cast.Sections[i % cast.Sections.Length],
            Status = i % 12 == 0 ? ArticleStatus.Draft : ArticleStatus.Published,
            // Every fifth story shares its time with the one before: ties the unique key must break.
            PublishedAt = Start.AddHours(i - (i % 5 == 0 ? 1 : 0)),
            PublishedOffsetMinutes = (short)(i % 4 == 0 ? 0 : 540),
            UpdatedAt = Start.AddDays(i),
            DatelinePlaces = i % 8 == 0 ? ["WASHINGTON", "SEOUL"] : ["SEOUL"],
            DatelineDate = "March 1",
            DatelineSource = i % 11 == 0 ? "AFP" : "Yonhap",
            Language = "en",
            Version = i % 3 + 1,
            Paragraphs = [$"Paragraph about {topic.ToLowerInvariant()} in story {i}.", i % 4 == 0 ? "It mentions satellites." : "Nothing more."],
            Bylines = bylines,
            Images = [.. Enumerable.Range(1, i % 4).Select(j => Photo(i, j))],
            Quotes = [.. Enumerable.Range(1, i % 3).Select(q => new Quote
            {
                Speaker = cast.Officials[(i + q) % cast.Officials.Length],
                SpeakerTitle = cast.Officials[(i + q) % cast.Officials.Length].Title,
                Text = $"Quote {q} of story {i}.",
                Position = q,
            })],
        };
    }

    private static ArticleImage Photo(int story, int position) => new()
    {
        Position = position,
        Image = new Image
        {
            Caption = $"Photo {position} of story {story}",
            Credit = position % 2 == 0 ? "AFP-Yonhap" : "Yonhap",
            RightsNote = position == 1 && story % 2 == 0 ? "PHOTO NOT FOR SALE" : null,
            IsNotForSale = position == 1 && story % 2 == 0,
            IsFilePhoto = story % 5 == 0,
            TakenOn = DateOnly.FromDateTime(Start).AddDays(story),
        },
    };

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var response = await App.PostAsync(query, variables);
        Assert.True(response.Errors.Count == 0, $"unexpected errors: {response.Text}");
        Assert.Equal(200, response.Status);
        return response.Data;
    }

    /// <summary>The slugs of <c>articles(first: 50, where: ...)</c> in the server's order.</summary>
    public async Task<List<string>> SlugsAsync(string arguments, object? variables = null, string variableDeclarations = "")
    {
        var data = await DataAsync($"query{variableDeclarations} {{ articles(first: 50{(arguments.Length > 0 ? ", " + arguments : "")}) {{ nodes {{ slug }} }} }}", variables);
        return Slugs(data.GetProperty("articles").GetProperty("nodes"));
    }

    public static List<string> Slugs(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => n.GetProperty("slug").GetString()!)];

    /// <summary>The slugs of <paramref name="articles"/> in the default order: newest first, then highest ID.</summary>
    public static List<string> Newest(IEnumerable<Article> articles)
        => [.. articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug)];

    public static IReadOnlyList<Person> Authors(Article article)
        => [.. article.Bylines.Where(b => b.Role == BylineRole.Author).OrderBy(b => b.Position).Select(b => b.Person)];
}

[CollectionDefinition(Name)]
public sealed class NewsroomGroup : ICollectionFixture<NewsroomFixture>
{
    public const string Name = "Newsroom";
}

public static class GraphQLHttpResponseExtensions
{
    public static string? FirstCode(this GraphQLHttpResponse response) => response.ErrorCodes.Count > 0 ? response.ErrorCodes[0] : null;
}
