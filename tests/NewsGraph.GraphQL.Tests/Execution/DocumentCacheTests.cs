using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

public sealed class DocumentCacheTests
{
    [Fact]
    public async Task SameDocument_IsParsedAndValidatedOnce()
    {
        await using var server = await LibraryServer.StartAsync();
        var cache = server.Service<DocumentCache>();

        for (var i = 0; i < 3; i++)
            Assert.Equal(200, (await server.PostAsync("query($n: String) { hello(name: $n) }", new { n = $"n{i}" })).Status);

        Assert.Equal(1, cache.Misses);
        Assert.Equal(2, cache.Hits);
    }

    [Fact]
    public async Task InvalidDocument_IsNotCached()
    {
        await using var server = await LibraryServer.StartAsync();
        var cache = server.Service<DocumentCache>();

        await server.PostAsync("{ nope }");
        var again = await server.PostAsync("{ nope }");

        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], again.ErrorCodes);
        Assert.Equal(2, cache.Misses);
        Assert.Equal(0, cache.Hits);
    }

    [Theory]
    [InlineData(40_000, 2)]
    [InlineData(10, 10)]
    public async Task LargeDocuments_TakeTheRoomOfManySmallOnes(int padding, int mostKept)
    {
        // Counted one a document, 1,000 distinct documents of 256 KiB held half a gigabyte.
        await using var server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:DocumentCacheSize"] = "20" });
        var cache = server.Service<DocumentCache>();

        for (var i = 0; i < 10; i++)
            Assert.Equal(200, (await server.PostAsync($"{{ hello }} # {i} {new string('x', padding)}")).Status);

        Assert.InRange(cache.Count, 1, mostKept);
        if (padding < 4096)
            Assert.Equal(10, cache.Count);
    }

    [Fact]
    public async Task CachedDocument_StillCoercesVariables()
    {
        await using var server = await LibraryServer.StartAsync();
        const string query = "query($n: Int!) { books(first: $n) { title } }";

        var good = await server.PostAsync(query, new { n = 2 });
        var bad = await server.PostAsync(query, new { n = "two" });

        Assert.Equal(2, good.Data.GetProperty("books").GetArrayLength());
        Assert.Equal(400, bad.Status);
        Assert.Equal(["INVALID_VALUE"], bad.ErrorCodes);
    }
}
