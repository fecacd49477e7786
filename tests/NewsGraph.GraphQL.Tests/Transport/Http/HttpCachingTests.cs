using System.Text.Json;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Tests.Infrastructure;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

/// <summary>
/// Cache headers over HTTP: only anonymous, successful queries are cacheable; they carry
/// Cache-Control from the hints, Vary, an ETag (304 for GET and POST) and the keys of what they read.
/// </summary>
public sealed class HttpCachingTests : IAsyncDisposable
{
    private const string Books = "{ books(first: 2, authors: 1) { title author { name } } }";
    private readonly string _folder = Directory.CreateTempSubdirectory("http-caching-").FullName;
    private LibraryServer? _server;

    private async Task<LibraryServer> ServerAsync(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        all["GraphQL:CacheControl:DefaultMaxAge"] = "60";
        all["GraphQL:TrustedDocuments:Folder"] = _folder;
        return _server = await LibraryServer.StartAsync(all);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AnAnonymousQuery_IsCacheable_WithTheKeysOfWhatItRead()
    {
        var server = await ServerAsync();

        var response = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString(Books));

        Assert.Equal(200, response.Status);
        Assert.Equal("public, max-age=60", Header(response, "Cache-Control"));
        Assert.Equal("Accept, Authorization, GraphQL-Cost", Header(response, "Vary"));
        Assert.Matches("^\"[A-Za-z0-9_-]+\"$", Header(response, "ETag"));
        Assert.Equal("author:1 book:1 book:2 books", Header(response, "Surrogate-Key"));
        Assert.Equal("author:1,book:1,book:2,books", Header(response, "Cache-Tag"));
    }

    [Fact]
    public async Task Mutations_ErrorsAndCostReports_AreNeverCacheable()
    {
        var server = await ServerAsync();

        var mutation = await server.PostAsync("mutation { addBook(title: \"New\") { title } }");
        var error = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ books(first: 1) { title } coded }"));
        var invalid = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ nope }"));
        var report = await server.PostAsync(Books, headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "report" });

        foreach (var response in new[] { mutation, error, invalid, report })
        {
            Assert.Equal("no-store", Header(response, "Cache-Control"));
            Assert.Null(Header(response, "ETag"));
            Assert.Null(Header(response, "Surrogate-Key"));
        }
        Assert.NotEmpty(error.Errors);
    }

    [Fact]
    public async Task ASignedInCaller_IsNeverCached_AnywhereButTheirs()
    {
        var server = await ServerAsync();

        var response = await server.PostAsync(Books, headers: LibraryServer.SignedInAs("reader"));

        Assert.Equal(200, response.Status);
        Assert.True(response.HasData);
        Assert.True(response.Message.Headers.CacheControl is { Private: true, NoStore: true, Public: false });
        Assert.Null(Header(response, "ETag"));
        Assert.Null(Header(response, "Surrogate-Key"));
    }

    [Fact]
    public async Task IfNoneMatch_Gets304_OverGet()
    {
        var server = await ServerAsync();
        var url = "/graphql?query=" + Uri.EscapeDataString(Books);
        var first = await server.GetAsync(url);
        var etag = Header(first, "ETag")!;

        var again = await server.GetAsync(url, headers: new Dictionary<string, string> { ["If-None-Match"] = $"\"other\", W/{etag}" });
        var stale = await server.GetAsync(url, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"other\"" });

        Assert.Equal(304, again.Status);
        Assert.Equal("", again.Text);
        Assert.Equal(etag, Header(again, "ETag"));
        Assert.Equal("public, max-age=60", Header(again, "Cache-Control"));
        Assert.Equal(200, stale.Status);
        Assert.Equal(first.Text, stale.Text);
    }

    [Fact]
    public async Task IfNoneMatch_Gets304_OverPostByTrustedDocumentId()
    {
        var server = await ServerAsync();
        var id = OperationDocumentId.For(Books);
        await File.WriteAllTextAsync(Path.Combine(_folder, id + ".graphql"), Books);
        var body = JsonSerializer.Serialize(new { id });
        var first = await server.SendJsonAsync(body);
        var etag = Header(first, "ETag")!;

        var again = await server.SendJsonAsync(body, headers: new Dictionary<string, string> { ["If-None-Match"] = etag });

        Assert.Equal(200, first.Status);
        Assert.Equal(304, again.Status);
        Assert.Equal("", again.Text);
    }

    [Fact]
    public async Task TheSameData_InAnotherMediaType_HasAnotherETag()
    {
        var server = await ServerAsync();
        var url = "/graphql?query=" + Uri.EscapeDataString(Books);

        var json = await server.GetAsync(url, MediaTypes.Json);
        var graphQLResponse = await server.GetAsync(url, MediaTypes.GraphQLResponse);

        Assert.Equal(json.Text, graphQLResponse.Text);
        Assert.NotEqual(Header(json, "ETag"), Header(graphQLResponse, "ETag"));
    }

    [Fact]
    public async Task MoreKeysThanFitInAHeader_MakeTheResponseUncacheable()
    {
        var server = await ServerAsync(("GraphQL:CacheControl:MaxKeyHeaderLength", "20"));

        var response = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString(Books));

        Assert.True(response.HasData);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Fact]
    public async Task DisabledCacheControl_SaysNoStore()
    {
        var server = await ServerAsync(("GraphQL:CacheControl:Enable", "false"));

        var response = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString(Books));

        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Fact]
    public async Task TransportErrors_SayNoStore()
    {
        var server = await ServerAsync();

        var response = await server.SendJsonAsync("not json");

        Assert.Equal(400, response.Status);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    private static string? Header(GraphQLHttpResponse response, string name)
        => response.Message.Headers.TryGetValues(name, out var values) || response.Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
