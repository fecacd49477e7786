using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Paging;

/// <summary>Keyset paging over every kind of sort key, nulls first, forward and backward, on SQLite.</summary>
public sealed class KeysetPagingTests : IAsyncLifetime
{
    private LibraryServer _server = null!;
    private List<Product> _products = [];

    public async Task InitializeAsync()
    {
        _server = await LibraryServer.StartAsync();
        _products = await _server.ProductsAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

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
            var page = await _server.ProductsPageAsync($"first: 4, order: {order}", after: after);
            forward.AddRange(ProductPages.Ids(page));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        var backward = new List<int>();
        string? before = null;
        do
        {
            var page = await _server.ProductsPageAsync($"last: 4, order: {order}", before: before);
            backward.InsertRange(0, ProductPages.Ids(page));
            before = page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("startCursor").GetString() : null;
        }
        while (before is not null);

        Assert.Equal(all, forward);
        Assert.Equal(all, backward);
    }
}
