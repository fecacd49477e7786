using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Search;

/// <summary>
/// Hand-written stories beside the seed story, each written to show one rule of the search: a name
/// in the headline or the body, words side by side or scattered, the same story twice years apart,
/// a caption, a quote, markup in a headline, a long paragraph, and one story in each hidden state.
/// </summary>
public sealed class SearchNewsroom : IAsyncLifetime
{
    public SearchNewsroom() => App = new() { ExtraLogging = logging => logging.AddProvider(Logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Warning) };

    public NewsGraphApplication App { get; }

    /// <summary>The application's warnings and errors: a failed request's assertion can show the exception the response masks.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The response's text and the errors the application logged, for an assertion's message.</summary>
    public string Explain(GraphQLHttpResponse response) => string.Join("\n", [response.Text, .. Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal))]);

    public async Task InitializeAsync()
    {
        await using var db = await App.CreateDbContextAsync();
        var sections = new[] { "Politics", "Business", "World", "Science" }.ToDictionary(n => n, n => new Section { Slug = Slug.From(n), Name = n });
        var suh = await db.People.SingleAsync(p => p.Name == "Suh Wook");
        var kim = new Person { Name = "Kim Tae-woo", Organization = "Yonhap" };
        var hong = new Person { Name = "Hong Nam-ki", Title = "Finance Minister" };
        var lee = new Person { Name = "Lee Ji-hye", Organization = "Yonhap" };

        Article Story(string slug, string section, string published, string headline, string[] paragraphs, ArticleStatus status = ArticleStatus.Published) => new()
        {
            Slug = slug,
            Headline = headline,
            Section = sections[section],
            Status = status,
            PublishedAt = DateTime.Parse(published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
            PublishedOffsetMinutes = 540,
            UpdatedAt = DateTime.UtcNow,
            Paragraphs = [.. paragraphs],
            Bylines = [new Byline { Person = lee, Position = 1, Role = BylineRole.Author }],
        };
        Quote Said(Person speaker, string text, int position = 1) => new() { Speaker = speaker, Text = text, Position = position, Attribution = QuoteAttribution.Name };
        ArticleImage Photo(string caption) => new() { Position = 1, Image = new Image { Caption = caption, Credit = "Yonhap" } };

        var suhSpace = Story("suh-space", "Politics", "2024-03-01T01:00:00", "Suh Wook calls for space cooperation with allies",
            ["Defense Minister Suh Wook said Monday that cooperation in space must deepen.", "He spoke at a symposium in Seoul."]);
        suhSpace.Bylines = [new Byline { Person = kim, Position = 1, Role = BylineRole.Author }];
        suhSpace.Quotes = [Said(suh, "Space is the new frontier of security.")];
        var defenseChief = Story("defense-chief", "Politics", "2024-02-01T01:00:00", "Defense chief meets U.S. commander",
            ["Defense Minister Suh Wook met the commander of U.S. Space Command on Tuesday.", "They discussed satellites."]);
        defenseChief.Quotes = [Said(suh, "Our alliance is strong.")];
        var spaceAgency = Story("space-agency", "Science", "2023-06-10T01:00:00", "Space agency launches weather satellite",
            ["The satellite will watch typhoons over the Pacific.", "Engineers cheered in the control room."]);
        spaceAgency.Images = [Photo("Engineers watch the launch at the space centre.")];
        var newTariffs = Story("new-tariffs", "Business", "2023-11-20T01:00:00", "New tariffs hit car imports",
            ["The government imposed tariffs on imported cars.", "Dealers protested outside the ministry."]);
        newTariffs.Quotes = [Said(hong, "We will never accept unfair tariffs.")];
        var fishermen = Story("fishermen", "World", "2023-08-01T01:00:00", "Coastal towns prepare for storm", ["Residents boarded up windows."]);
        fishermen.Images = [Photo("Fishermen haul nets at Busan harbor on Monday.")];

        db.Articles.AddRange(
            suhSpace, defenseChief, spaceAgency, newTariffs, fishermen,
            Story("tariff-talks", "Business", "2024-01-15T01:00:00", "Tariff talks stall over steel quotas", ["Negotiators failed to agree on steel.", "Talks resume next week."]),
            Story("steel-market", "Business", "2024-02-20T01:00:00", "Steel market steadies", ["Prices held as a tariff dispute dragged on.", "Mills expect more orders."]),
            Story("budget-plan", "Politics", "2022-05-01T01:00:00", "Government unveils budget plan", ["The proposal raises spending on schools."]),
            Story("plan-budget", "Politics", "2024-05-01T01:00:00", "A plan to trim the budget", ["Lawmakers weighed cuts to spending under the proposal."]),
            Story("harbor-old", "World", "2021-04-01T01:00:00", "Harbor strike ends after talks", ["Dock workers returned to work."]),
            Story("harbor-new", "World", "2024-04-01T01:00:00", "Harbor strike ends after talks", ["Dock workers returned to work."]),
            Story("markup", "World", "2024-06-01T01:00:00", "Tom & Jerry's \"<b>tariff</b>\" quip", ["A cartoon joke about trade."]),
            Story("long-read", "Politics", "2023-03-01T01:00:00", "Analysis: what the election means", [LongParagraph]),
            Story("hidden-draft", "Business", "2024-01-01T01:00:00", "Secret tariff draft", ["Not for readers yet."], ArticleStatus.Draft),
            Story("hidden-embargoed", "Business", "2030-01-01T01:00:00", "Embargoed tariff news", ["Not for readers yet."], ArticleStatus.Scheduled),
            Story("hidden-killed", "Business", "2024-01-02T01:00:00", "Withdrawn tariff report", ["Not for readers any more."], ArticleStatus.Withdrawn));
        await db.SaveChangesAsync();
    }

    /// <summary>Over 400 characters, the word <c>tariff</c> near the middle.</summary>
    public static readonly string LongParagraph = string.Join(' ', Enumerable.Repeat("Voters in the provinces weighed jobs and housing.", 5))
        + " A tariff on rice imports came up at every rally. " + string.Join(' ', Enumerable.Repeat("Turnout was higher than in any election before.", 5));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string? role = null)
        => App.PostAsync(query, variables, token: App.TokenFor(role));

    /// <summary>The slugs a search finds, in order (up to 50), as <paramref name="role"/> sees them.</summary>
    public async Task<List<string>> SlugsAsync(string query, string? role = null, string arguments = "")
    {
        var response = await PostAsync($"query($q: String!) {{ search(query: $q, first: 50{arguments}) {{ nodes {{ article {{ slug }} }} }} }}", new { q = query }, role);
        Assert.True(response.Errors.Count == 0, response.Text);
        return [.. response.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString()!)];
    }
}
