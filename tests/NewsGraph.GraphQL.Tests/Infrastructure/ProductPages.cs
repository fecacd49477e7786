using System.Text.Json;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>Pages of the catalog's <c>products</c> connection, as the convention tests read them.</summary>
public static class ProductPages
{
    /// <summary>One page of <c>products(arguments)</c> with its page info and node ids; fails the test on errors.</summary>
    public static async Task<JsonElement> ProductsPageAsync(this LibraryServer server, string arguments, string? after = null, string? before = null)
    {
        var response = await server.PostAsync(
            $"query($after: String, $before: String) {{ products({arguments}, after: $after, before: $before) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ id }} }} }}",
            new { after, before });
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("products");
    }

    public static List<int> Ids(JsonElement connection)
        => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32())];
}
