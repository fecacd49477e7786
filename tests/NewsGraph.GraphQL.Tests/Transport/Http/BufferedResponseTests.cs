using System.Text;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Tests.Infrastructure;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

/// <summary>A cacheable answer is serialized into pooled memory before it is sent: all of it is sent, and its ETag is that of what was sent.</summary>
public sealed class BufferedResponseTests : IAsyncDisposable
{
    private LibraryServer? _server;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(600)] // about 40 KB, more than the buffer's first 16 KB
    public async Task ACacheableAnswer_IsSentWhole_WithTheTagOfItsBytes(int books)
    {
        _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:CacheControl:DefaultMaxAge"] = "60",
            ["GraphQL:Cost:MaxFieldCost"] = "100000",
            ["GraphQL:Cost:MaxTypeCost"] = "100000",
        });
        var query = $"{{ books(first: {books}, authors: 1) {{ title author {{ name }} }} }}";

        var response = await _server.GetAsync("/graphql?query=" + Uri.EscapeDataString(query), MediaTypes.Json);

        var bytes = Encoding.UTF8.GetBytes(response.Text);
        Assert.Equal(200, response.Status);
        Assert.Equal(books, response.Data.GetProperty("books").GetArrayLength());
        Assert.Equal(bytes.Length, response.Message.Content.Headers.ContentLength);
        Assert.Equal(EntityTag.For(bytes, MediaTypes.ContentTypeFor(MediaTypes.Json)), response.Message.Headers.ETag?.ToString());
        var keys = Assert.Single(response.Message.Headers.GetValues("Surrogate-Key")).Split(' ');
        Assert.Equal(books + 2, keys.Length); // author:1, each book, books
        Assert.Equal(keys.Distinct().Order(StringComparer.Ordinal), keys);
    }
}
