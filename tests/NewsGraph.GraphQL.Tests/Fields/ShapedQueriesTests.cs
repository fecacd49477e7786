using System.Globalization;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Fields;

/// <summary>
/// Requests that differ in values only share one compiled query; each must still get the rows its
/// own values ask for, whether the values come inline or as variables, in whatever order they arrive.
/// </summary>
public sealed class ShapedQueriesTests : IAsyncLifetime
{
    private LibraryServer _server = null!;
    private List<Product> _products = [];

    public async Task InitializeAsync()
    {
        _server = await LibraryServer.StartAsync();
        _products = await _server.ProductsAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SameShape_DifferentFilterValuesAndPageSizes_EachGetsItsOwnRows()
    {
        var prices = _products.Select(p => p.Price).Distinct().Order().ToList();
        foreach (var (price, first) in new[] { (prices[1], 3), (prices[^2], 5), (prices[0], 2), (prices[1], 4), (prices[prices.Count / 2], 3) })
        {
            var literal = price.ToString(CultureInfo.InvariantCulture);
            var page = await _server.ProductsPageAsync($"first: {first}, where: {{ price: {{ gt: {literal} }} }}, order: {{ price: ASC }}");
            var expected = _products.Where(p => p.Price > price).OrderBy(p => p.Price).ThenBy(p => p.Id).Take(first).Select(p => p.Id);
            Assert.Equal(expected, ProductPages.Ids(page));
        }
    }

    [Fact]
    public async Task SameShape_ValuesAsVariables_EachGetsItsOwnTotal()
    {
        foreach (var inStock in new[] { true, false, true })
        {
            var response = await _server.PostAsync(
                "query($s: Boolean!, $n: Int!) { products(first: $n, where: { inStock: { eq: $s } }) { totalCount nodes { id } } }",
                new { s = inStock, n = inStock ? 2 : 3 });
            Assert.True(response.Errors.Count == 0, response.Text);
            var products = response.Data.GetProperty("products");
            Assert.Equal(_products.Count(p => p.InStock == inStock), products.GetProperty("totalCount").GetInt32());
            Assert.Equal(_products.Where(p => p.InStock == inStock).OrderBy(p => p.Id).Take(inStock ? 2 : 3).Select(p => p.Id), ProductPages.Ids(products));
        }
    }
}
