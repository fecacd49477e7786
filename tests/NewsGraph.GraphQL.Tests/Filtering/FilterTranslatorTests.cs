using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Filtering;

/// <summary>`where` over scalar kinds the news schema lacks (UUID, decimal, long, double, nullable instants), on SQLite.</summary>
public sealed class FilterTranslatorTests : IAsyncLifetime
{
    private static readonly Guid Sku7 = new(7, 49, 91, [1, 2, 3, 4, 5, 6, 7, 7]);
    private static readonly Guid Sku8 = new(8, 56, 104, [1, 2, 3, 4, 5, 6, 7, 8]);
    private LibraryServer _server = null!;
    private List<Product> _products = [];

    public async Task InitializeAsync()
    {
        _server = await LibraryServer.StartAsync();
        _products = await _server.ProductsAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, Func<Product, bool>> Filters => new()
    {
        { $"sku: {{ eq: \"{Sku7}\" }}", p => p.Sku == Sku7 },
        { $"sku: {{ in: [\"{Sku7}\", \"{Sku8}\"] }}", p => p.Sku == Sku7 || p.Sku == Sku8 },
        { $"sku: {{ neq: \"{Sku7}\" }}", p => p.Sku != Sku7 },
        { "price: { gt: 4.5 }", p => p.Price > 4.5m },
        { "price: { lte: 3 }", p => p.Price <= 3m },
        { "sold: { gte: 2000000000 }", p => p.Sold >= 2_000_000_000L },
        { "rating: { lt: 1.0 }", p => p.Rating < 1.0 },
        { "releasedOn: { eq: \"2020-01-04\" }", p => p.ReleasedOn == new DateOnly(2020, 1, 4) },
        { "releasedOn: { ngt: \"2020-01-04\" }", p => p.ReleasedOn <= new DateOnly(2020, 1, 4) },
        { "discontinuedAt: { eq: null }", p => p.DiscontinuedAt == null },
        { "discontinuedAt: { neq: null }", p => p.DiscontinuedAt != null },
        { "discontinuedAt: { gt: \"2023-01-03T00:00:00Z\" }", p => p.DiscontinuedAt > new DateTime(2023, 1, 3, 0, 0, 0, DateTimeKind.Utc) },
        { "discontinuedAt: { nlte: \"2023-01-03T09:00:00+09:00\" }", p => !(p.DiscontinuedAt <= new DateTime(2023, 1, 3, 0, 0, 0, DateTimeKind.Utc)) },
        { "inStock: { eq: false }", p => !p.InStock },
        { "category: { in: [BOOKS, GAMES] }", p => p.Category is Category.Books or Category.Games },
        { "category: { neq: MUSIC }", p => p.Category != Category.Music },
        { "tags: { some: { eq: \"tag1\" } }", p => p.Tags.Contains("tag1") },
        { "tags: { any: false }", p => p.Tags.Count == 0 },
        { "tags: { all: { startsWith: \"tag\" } }", p => p.Tags.All(t => t.StartsWith("tag", StringComparison.Ordinal)) },
        { "brand: { name: { eq: \"Acme\" } }", p => p.Brand?.Name == "Acme" },
        { "name: { endsWith: \"7\" }", p => p.Name.EndsWith('7') },
    };

    [Fact]
    public async Task Where_NestedSixtyDeep_IsReadAndTranslated()
    {
        // Deeper than System.Text.Json's default of 64 once the field's request key is written: an unexpected error before.
        // Written as text: the test's own serializer stops at 64 levels too.
        var where = System.Text.Json.JsonDocument.Parse(string.Concat(Enumerable.Repeat("{\"not\":", 60)) + "{\"inStock\":{\"eq\":false}}" + new string('}', 60)).RootElement;

        var response = await _server.PostAsync("query($w: ProductFilterInput) { products(first: 50, where: $w, order: { id: ASC }) { nodes { id } } }", new { w = where });

        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal(_products.Where(p => !p.InStock).OrderBy(p => p.Id).Select(p => p.Id), ProductPages.Ids(response.Data.GetProperty("products")));
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Where_EveryScalarKind_MatchesLinq(string where, Func<Product, bool> expected)
    {
        var ids = ProductPages.Ids(await _server.ProductsPageAsync($"first: 50, where: {{ {where} }}, order: {{ id: ASC }}"));

        Assert.Equal(_products.Where(expected).OrderBy(p => p.Id).Select(p => p.Id), ids);
    }
}
