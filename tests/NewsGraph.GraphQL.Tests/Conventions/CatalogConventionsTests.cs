using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Conventions;

/// <summary>The data conventions over scalar kinds the news schema lacks (UUID, decimal, long, double, nullable instants), on SQLite.</summary>
public sealed class CatalogConventionsTests : IAsyncLifetime
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

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Where_EveryScalarKind_MatchesLinq(string where, Func<Product, bool> expected)
    {
        var ids = await IdsAsync($"where: {{ {where} }}, order: {{ id: ASC }}");

        Assert.Equal(_products.Where(expected).OrderBy(p => p.Id).Select(p => p.Id), ids);
    }

    public static TheoryData<string, Func<IEnumerable<Product>, IEnumerable<Product>>> Orders => new()
    {
        { "{ discontinuedAt: ASC }", p => p.OrderBy(x => x.DiscontinuedAt).ThenBy(x => x.Id) },
        { "{ discontinuedAt: DESC }", p => p.OrderByDescending(x => x.DiscontinuedAt).ThenByDescending(x => x.Id) },
        { "{ brand: { name: ASC } }", p => p.OrderBy(x => x.Brand?.Name, StringComparer.Ordinal).ThenBy(x => x.Id) },
        { "{ brand: { name: DESC } }", p => p.OrderByDescending(x => x.Brand?.Name, StringComparer.Ordinal).ThenByDescending(x => x.Id) },
        { "{ sku: DESC }", p => p.OrderByDescending(x => x.Sku.ToString("D").ToUpperInvariant(), StringComparer.Ordinal) },
        { "{ price: DESC }", p => p.OrderByDescending(x => x.Price).ThenByDescending(x => x.Id) },
        { "[{ category: DESC }, { rating: ASC }]", p => p.OrderByDescending(x => x.Category).ThenBy(x => x.Rating).ThenBy(x => x.Id) },
        { "[{ inStock: ASC }, { sold: DESC }]", p => p.OrderBy(x => x.InStock).ThenByDescending(x => x.Sold).ThenByDescending(x => x.Id) },
        { "{ releasedOn: ASC }", p => p.OrderBy(x => x.ReleasedOn).ThenBy(x => x.Id) },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Keyset_WalkingForwardAndBackward_FollowsTheOrderWithNullsFirst(string order, Func<IEnumerable<Product>, IEnumerable<Product>> expected)
    {
        var all = expected(_products).Select(p => p.Id).ToList();

        var forward = new List<int>();
        string? after = null;
        do
        {
            var page = await PageAsync($"first: 4, order: {order}", after: after);
            forward.AddRange(Ids(page));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        var backward = new List<int>();
        string? before = null;
        do
        {
            var page = await PageAsync($"last: 4, order: {order}", before: before);
            backward.InsertRange(0, Ids(page));
            before = page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("startCursor").GetString() : null;
        }
        while (before is not null);

        Assert.Equal(all, forward);
        Assert.Equal(all, backward);
    }

    private async Task<List<int>> IdsAsync(string arguments)
        => Ids(await PageAsync($"first: 50, {arguments}"));

    private async Task<JsonElement> PageAsync(string arguments, string? after = null, string? before = null)
    {
        var response = await _server.PostAsync(
            $"query($after: String, $before: String) {{ products({arguments}, after: $after, before: $before) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ id }} }} }}",
            new { after, before });
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("products");
    }

    private static List<int> Ids(JsonElement connection)
        => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32())];
}
