using System.Text.Json;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Purging;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

/// <summary>The in-process response cache over HTTP: trusted documents answered again without executing, until a purge.</summary>
public sealed class ResponseCachingTests : IAsyncDisposable
{
    private const string Execution = "query Execution { execution }";
    private readonly string _folder = Directory.CreateTempSubdirectory("response-cache-").FullName;
    private LibraryServer? _server;

    private async Task<(LibraryServer Server, string Url)> StartAsync()
    {
        _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:CacheControl:DefaultMaxAge"] = "60",
            ["GraphQL:ResponseCache:Enabled"] = "true",
            ["GraphQL:TrustedDocuments:Folder"] = _folder,
        });
        var id = OperationDocumentId.For(Execution);
        await File.WriteAllTextAsync(Path.Combine(_folder, id + ".graphql"), Execution);
        return (_server, "/graphql?id=" + id);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ATrustedDocument_IsAnsweredFromTheCache_UntilItsKeyIsPurged()
    {
        var (server, url) = await StartAsync();

        var first = await server.GetAsync(url);
        var second = await server.GetAsync(url);
        await server.Service<CachePurger>().PurgeAsync(["executions"], "test");
        var third = await server.GetAsync(url);

        Assert.Equal(1, Number(first));
        Assert.Equal(1, Number(second));
        Assert.Equal(Header(first, "ETag"), Header(second, "ETag"));
        Assert.Equal("executions", Header(second, "Surrogate-Key"));
        Assert.Equal(2, Number(third));
        Assert.Equal(1, server.Service<ResponseCache>().Hits);
    }

    [Fact]
    public async Task AKeptResponse_AnswersIfNoneMatch_With304()
    {
        var (server, url) = await StartAsync();
        var first = await server.GetAsync(url);

        var again = await server.GetAsync(url, headers: new Dictionary<string, string> { ["If-None-Match"] = Header(first, "ETag")! });

        Assert.Equal(304, again.Status);
        Assert.Equal(1, server.Service<ResponseCache>().Hits);
    }

    [Fact]
    public async Task QueriesSentAsText_AndSignedInCallers_AreNotKept()
    {
        var (server, url) = await StartAsync();
        var text = "/graphql?query=" + Uri.EscapeDataString(Execution);

        await server.GetAsync(text);
        var byText = await server.GetAsync(text);
        await server.PostAsync(Execution, headers: LibraryServer.SignedInAs("reader"));
        var signedIn = await server.SendJsonAsync(JsonSerializer.Serialize(new { id = url[(url.IndexOf('=') + 1)..] }), headers: LibraryServer.SignedInAs("reader"));

        Assert.Equal(2, Number(byText));
        Assert.Equal(4, Number(signedIn));
        Assert.Equal(0, server.Service<ResponseCache>().Count);
    }

    [Fact]
    public async Task ACostReport_IsNeverAnsweredFromTheCache()
    {
        var (server, url) = await StartAsync();
        await server.GetAsync(url);

        var report = await server.GetAsync(url, headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "report" });

        Assert.Equal(2, Number(report));
        Assert.True(report.Json.GetProperty("extensions").TryGetProperty("operationCost", out _));
    }

    [Fact]
    public async Task AResponseExecutingWhileAPurgeComes_IsNotKept()
    {
        var (server, url) = await StartAsync();
        var gate = server.Service<ExecutionGate>();
        gate.Close();

        var inFlight = server.GetAsync(url);
        await gate.WaitForAsync(1);
        await server.Service<CachePurger>().PurgeAsync(["executions"], "test");
        gate.Open();
        var first = await inFlight;
        var next = await server.GetAsync(url);

        Assert.Equal(1, Number(first));
        Assert.Equal(2, Number(next));
    }

    private static int Number(GraphQLHttpResponse response) => response.Data.GetProperty("execution").GetInt32();

    private static string? Header(GraphQLHttpResponse response, string name)
        => response.Message.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
