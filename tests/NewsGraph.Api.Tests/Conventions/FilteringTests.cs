using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Conventions;

/// <summary>
/// Every filter operation on SQLite: the server's answer equals LINQ over the same rows, and the
/// statement that fetched them carried the predicate (EF Core refuses to filter on the client).
/// </summary>
[Collection(NewsroomGroup.Name)]
public sealed class FilteringTests(NewsroomFixture newsroom)
{
    private static readonly DateTime Pivot = new(2024, 3, 1, 20, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, Func<Article, bool>> ScalarOperations => new()
    {
        // String
        { "headline: { eq: \"Tariff talks story 6\" }", a => a.Headline == "Tariff talks story 6" },
        { "headline: { neq: \"Tariff talks story 6\" }", a => a.Headline != "Tariff talks story 6" },
        { "headline: { contains: \"tariff\" }", a => a.Headline.Contains("tariff", StringComparison.Ordinal) },
        { "headline: { ncontains: \"tariff\" }", a => !a.Headline.Contains("tariff", StringComparison.Ordinal) },
        { "headline: { in: [\"Tariff talks story 6\", \"Space program story 7\", \"nothing\"] }", a => a.Headline is "Tariff talks story 6" or "Space program story 7" },
        { "headline: { nin: [\"Tariff talks story 6\", \"Space program story 7\"] }", a => a.Headline is not ("Tariff talks story 6" or "Space program story 7") },
        { "headline: { startsWith: \"Tariff\" }", a => a.Headline.StartsWith("Tariff", StringComparison.Ordinal) },
        { "headline: { nstartsWith: \"Tariff\" }", a => !a.Headline.StartsWith("Tariff", StringComparison.Ordinal) },
        { "headline: { endsWith: \"1\" }", a => a.Headline.EndsWith('1') },
        { "headline: { nendsWith: \"1\" }", a => !a.Headline.EndsWith('1') },
        { "headline: { ieq: \"TARIFF TALKS STORY 6\" }", a => a.Headline.Equals("TARIFF TALKS STORY 6", StringComparison.OrdinalIgnoreCase) },
        { "headline: { icontains: \"TARIFF\" }", a => a.Headline.Contains("tariff", StringComparison.OrdinalIgnoreCase) },
        { "headline: { istartsWith: \"tariff\" }", a => a.Headline.StartsWith("tariff", StringComparison.OrdinalIgnoreCase) },
        { "headline: { or: [{ startsWith: \"Space\" }, { startsWith: \"Chip\" }] }", a => a.Headline.StartsWith("Space", StringComparison.Ordinal) || a.Headline.StartsWith("Chip", StringComparison.Ordinal) },
        { "headline: { contains: \"story 1\", and: [{ ncontains: \"Space\" }] }", a => a.Headline.Contains("story 1", StringComparison.Ordinal) && !a.Headline.Contains("Space", StringComparison.Ordinal) },
        { "genre: { eq: null }", a => a.Genre == null },
        { "genre: { neq: null }", a => a.Genre != null },
        { "revisionLabel: { eq: \"LEAD\" }", a => a.RevisionLabel == "LEAD" },
        { "revisionLabel: { neq: \"LEAD\" }", a => a.RevisionLabel != "LEAD" },
        // Comparable: DateTime (an offset-carrying instant compares as an instant)
        { "publishedAt: { eq: \"2024-03-01T20:00:00Z\" }", a => a.PublishedAt == Pivot },
        { "publishedAt: { neq: \"2024-03-02T05:00:00+09:00\" }", a => a.PublishedAt != Pivot },
        { "publishedAt: { in: [\"2024-03-01T20:00:00Z\", \"2024-03-01T10:00:00Z\"] }", a => a.PublishedAt == Pivot || a.PublishedAt == Pivot.AddHours(-10) },
        { "publishedAt: { nin: [\"2024-03-01T20:00:00Z\"] }", a => a.PublishedAt != Pivot },
        { "publishedAt: { gt: \"2024-03-02T05:00:00+09:00\" }", a => a.PublishedAt > Pivot },
        { "publishedAt: { ngt: \"2024-03-01T20:00:00Z\" }", a => !(a.PublishedAt > Pivot) },
        { "publishedAt: { gte: \"2024-03-01T20:00:00Z\" }", a => a.PublishedAt >= Pivot },
        { "publishedAt: { ngte: \"2024-03-01T20:00:00Z\" }", a => !(a.PublishedAt >= Pivot) },
        { "publishedAt: { lt: \"2024-03-01T20:00:00Z\" }", a => a.PublishedAt < Pivot },
        { "publishedAt: { nlt: \"2024-03-01T20:00:00Z\" }", a => !(a.PublishedAt < Pivot) },
        { "publishedAt: { lte: \"2024-03-01T20:00:00Z\" }", a => a.PublishedAt <= Pivot },
        { "publishedAt: { nlte: \"2024-03-01T20:00:00Z\" }", a => !(a.PublishedAt <= Pivot) },
        // Comparable: Int
        { "version: { eq: 2 }", a => a.Version == 2 },
        { "version: { neq: 2 }", a => a.Version != 2 },
        { "version: { in: [1, 3] }", a => a.Version is 1 or 3 },
        { "version: { nin: [1] }", a => a.Version != 1 },
        { "version: { gt: 1 }", a => a.Version > 1 },
        { "version: { ngt: 1 }", a => a.Version <= 1 },
        { "version: { gte: 2 }", a => a.Version >= 2 },
        { "version: { ngte: 2 }", a => a.Version < 2 },
        { "version: { lt: 3 }", a => a.Version < 3 },
        { "version: { nlt: 3 }", a => a.Version >= 3 },
        { "version: { lte: 2 }", a => a.Version <= 2 },
        { "version: { nlte: 2 }", a => a.Version > 2 },
        // Boolean
        { "isUrgent: { eq: true }", a => a.IsUrgent },
        { "isUrgent: { neq: true }", a => !a.IsUrgent },
        // Enum (drafts are never public, whatever the filter says)
        { "status: { eq: PUBLISHED }", a => true },
        { "status: { neq: PUBLISHED }", a => false },
        { "status: { in: [DRAFT, PUBLISHED] }", a => true },
        { "status: { nin: [PUBLISHED] }", a => false },
        // Nested objects
        { "section: { slug: { eq: \"business\" } }", a => a.Section.Slug == "business" },
        { "section: { name: { in: [\"World\", \"Politics\"] } }", a => a.Section.Name is "World" or "Politics" },
        { "dateline: { source: { eq: \"AFP\" } }", a => a.DatelineSource == "AFP" },
        { "dateline: { places: { some: { eq: \"WASHINGTON\" } } }", a => a.DatelinePlaces.Contains("WASHINGTON") },
        // Lists of objects and of scalars
        { "authors: { some: { name: { eq: \"Kim Ji-won\" } } }", a => NewsroomFixture.Authors(a).Any(p => p.Name == "Kim Ji-won") },
        { "authors: { all: { organization: { eq: \"Yonhap\" } } }", a => NewsroomFixture.Authors(a).All(p => p.Organization == "Yonhap") },
        { "authors: { none: { name: { eq: \"Kim Ji-won\" } } }", a => NewsroomFixture.Authors(a).All(p => p.Name != "Kim Ji-won") },
        { "images: { any: true }", a => a.Images.Count > 0 },
        { "images: { any: false }", a => a.Images.Count == 0 },
        { "images: { some: { isNotForSale: { eq: true } } }", a => a.Images.Any(i => i.Image.IsNotForSale) },
        { "images: { some: { takenOn: { gte: \"2024-04-09\" } } }", a => a.Images.Any(i => i.Image.TakenOn >= new DateOnly(2024, 4, 9)) },
        { "quotes: { some: { speaker: { title: { eq: \"Defense Minister\" } } } }", a => a.Quotes.Any(q => q.Speaker?.Title == "Defense Minister") },
        { "bylines: { some: { role: { eq: PHOTOGRAPHER } } }", a => a.Bylines.Any(b => b.Role == BylineRole.Photographer) },
        { "paragraphs: { some: { contains: \"satellites\" } }", a => a.Paragraphs.Any(p => p.Contains("satellites", StringComparison.Ordinal)) },
        { "paragraphs: { all: { ncontains: \"satellites\" } }", a => a.Paragraphs.All(p => !p.Contains("satellites", StringComparison.Ordinal)) },
        // and / or / not over the entity
        { "and: [{ section: { slug: { eq: \"world\" } } }, { isUrgent: { eq: false } }]", a => a.Section.Slug == "world" && !a.IsUrgent },
        { "or: [{ section: { slug: { eq: \"world\" } } }, { isUrgent: { eq: true } }]", a => a.Section.Slug == "world" || a.IsUrgent },
        { "not: { section: { slug: { eq: \"business\" } } }", a => a.Section.Slug != "business" },
        { "section: { slug: { eq: \"business\" } }, isUrgent: { eq: false }", a => a.Section.Slug == "business" && !a.IsUrgent },
    };

    [Theory]
    [MemberData(nameof(ScalarOperations))]
    public async Task Where_Operation_MatchesLinqAndRunsInSql(string where, Func<Article, bool> expected)
    {
        newsroom.App.Sql.Reset();

        var slugs = await newsroom.SlugsAsync($"where: {{ {where} }}");

        Assert.True(NewsroomFixture.Newest(newsroom.Published.Where(expected)).SequenceEqual(slugs), $"where: {{ {where} }} gave {string.Join(", ", slugs)}");
        var select = newsroom.App.Sql.Commands.First(c => c.Contains("FROM \"Articles\"", StringComparison.Ordinal));
        Assert.Contains("WHERE", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_Id_DecodesGlobalIds()
    {
        var some = newsroom.Published.Take(3).ToList();
        var ids = some.Select(a => GlobalId.Format("Article", a.Id)).ToList();

        var eq = await newsroom.SlugsAsync("where: { id: { eq: $id } }", new { id = ids[0] }, "($id: ID)");
        var inList = await newsroom.SlugsAsync("where: { id: { in: $ids } }", new { ids }, "($ids: [ID])");
        var nin = await newsroom.SlugsAsync("where: { id: { nin: $ids } }", new { ids }, "($ids: [ID])");

        Assert.Equal([some[0].Slug], eq);
        Assert.Equal(NewsroomFixture.Newest(some), inList);
        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Except(some)), nin);
    }

    [Fact]
    public async Task Where_EmptyObject_FiltersNothing()
    {
        var slugs = await newsroom.SlugsAsync("where: { }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published).Take(50), slugs);
    }

    [Theory]
    [InlineData("headline: { contains: null }", "HC0026")]
    [InlineData("version: { gt: null }", "HC0026")]
    [InlineData("id: { eq: \"forged\" }", "NODE_ID_INVALID")]
    [InlineData("id: { eq: \"UGVyc29uOjE=\" }", "NODE_ID_INVALID")]
    [InlineData("id: { in: [\"QXJ0aWNsZQp4MQ==\"] }", "NODE_ID_INVALID")] // Article\nx1: a legacy tag Hot Chocolate never wrote
    public async Task Where_InvalidOperand_IsAFieldErrorWithACode(string where, string code)
    {
        var response = await newsroom.App.PostAsync($"{{ articles(where: {{ {where} }}) {{ nodes {{ slug }} }} }}");

        Assert.Equal(200, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("articles").ValueKind);
    }

    [Theory]
    [InlineData("{ articles(where: { version: { eq: \"two\" } }) { nodes { slug } } }")]
    [InlineData("{ articles(where: { status: { eq: LIVE } }) { nodes { slug } } }")]
    [InlineData("{ articles(where: { headline: { like: \"x\" } }) { nodes { slug } } }")]
    [InlineData("{ articles(where: { publishedAt: { gt: \"yesterday\" } }) { nodes { slug } } }")]
    public async Task Where_WrongOperandType_IsAValidationError(string query)
    {
        var response = await newsroom.App.PostAsync(query);

        Assert.Equal(400, response.Status);
        Assert.NotNull(response.FirstCode());
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task NestedLists_TakeWhereAndOrder()
    {
        var article = newsroom.Published.First(a => a.Images.Count == 3 && a.Quotes.Count == 2 && NewsroomFixture.Authors(a).Count == 3);

        var data = await newsroom.DataAsync("""
            query($slug: String!) {
              article(slug: $slug) {
                images(where: { credit: { eq: "Yonhap" } }, order: { caption: DESC }) { caption }
                quotes(where: { position: { gt: 1 } }) { text }
                authors(order: { name: DESC }) { name }
              }
            }
            """, new { slug = article.Slug });

        var node = data.GetProperty("article");
        Assert.Equal(article.Images.Select(i => i.Image).Where(i => i.Credit == "Yonhap").OrderByDescending(i => i.Caption, StringComparer.Ordinal).Select(i => i.Caption),
            node.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("caption").GetString()));
        Assert.Equal(article.Quotes.Where(q => q.Position > 1).OrderBy(q => q.Position).Select(q => q.Text),
            node.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        Assert.Equal(NewsroomFixture.Authors(article).Select(p => p.Name).OrderByDescending(n => n, StringComparer.Ordinal),
            node.GetProperty("authors").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
