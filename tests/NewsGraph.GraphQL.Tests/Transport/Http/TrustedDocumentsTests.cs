using System.Text.Json;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

/// <summary>Trusted documents (Hot Chocolate's persisted operations) and Apollo's automatic persisted queries.</summary>
public sealed class TrustedDocumentsTests : IAsyncDisposable
{
    private const string Hello = "query Hello($n: String) { hello(name: $n) }";
    private readonly string _folder = Directory.CreateTempSubdirectory("trusted-documents-").FullName;
    private readonly List<LibraryServer> _servers = [];

    private async Task<LibraryServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => $"GraphQL:TrustedDocuments:{s.Key}", s => (string?)s.Value);
        all["GraphQL:TrustedDocuments:Folder"] = _folder;
        var server = await LibraryServer.StartAsync(all);
        _servers.Add(server);
        return server;
    }

    private string Trust(string document)
    {
        var id = OperationDocumentId.For(document);
        File.WriteAllText(Path.Combine(_folder, id + ".graphql"), document);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ATrustedDocument_RunsByItsId_OverPostAndGet()
    {
        var server = await StartAsync();
        var id = Trust(Hello);

        var post = await server.SendJsonAsync(JsonSerializer.Serialize(new { id, variables = new { n = "id" } }));
        var documentId = await server.SendJsonAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + id, variables = new { n = "documentId" } }));
        var get = await server.GetAsync($"/graphql?id={id}&variables={Uri.EscapeDataString("{\"n\":\"GET\"}")}");

        Assert.Equal("Hello id", post.Data.GetProperty("hello").GetString());
        Assert.Equal("Hello documentId", documentId.Data.GetProperty("hello").GetString());
        Assert.Equal("Hello GET", get.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("../../etc/passwd")]
    [InlineData("sha256:")]
    public async Task AnUnknownId_Gets400WithHC0020(string id)
    {
        var server = await StartAsync();

        var response = await server.SendJsonAsync(JsonSerializer.Serialize(new { id }));

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0020"], response.ErrorCodes);
        Assert.Equal("The specified persisted operation key is invalid.", response.Errors[0].GetProperty("message").GetString());
        Assert.Equal(id, response.Errors[0].GetProperty("extensions").GetProperty("requestedKey").GetString());
    }

    [Fact]
    public async Task AnIdWithAQuery_IsRefused()
    {
        var server = await StartAsync();

        var response = await server.SendJsonAsync(JsonSerializer.Serialize(new { id = Trust(Hello), query = "{ hello }" }));

        Assert.Equal(400, response.Status);
        Assert.Equal(["REQUEST_INVALID"], response.ErrorCodes);
    }

    [Fact]
    public async Task OnlyTrusted_RefusesOtherDocuments_ExceptForCallersWhoMaySendAny()
    {
        var server = await StartAsync(("OnlyTrusted", "true"), ("AnyDocumentRoles:0", "librarian"));
        var id = Trust(Hello);

        var stranger = await server.PostAsync("{ hello }");
        var reader = await server.PostAsync("{ hello }", headers: LibraryServer.SignedInAs("reader"));
        var librarian = await server.PostAsync("{ hello }", headers: LibraryServer.SignedInAs("librarian"));
        var trusted = await server.SendJsonAsync(JsonSerializer.Serialize(new { id }));

        Assert.Equal(400, stranger.Status);
        Assert.Equal(["HC0067"], stranger.ErrorCodes);
        Assert.Equal("Only persisted operations are allowed.", stranger.Errors[0].GetProperty("message").GetString());
        Assert.Equal(["HC0067"], reader.ErrorCodes);
        Assert.Equal("Hello world", librarian.Data.GetProperty("hello").GetString());
        Assert.Equal("Hello world", trusted.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task AutomaticPersistedQueries_FollowApollosProtocol()
    {
        var server = await StartAsync();
        var hash = OperationDocumentId.For(Hello);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var unknown = await server.SendJsonAsync(JsonSerializer.Serialize(new { extensions }));
        var registered = await server.SendJsonAsync(JsonSerializer.Serialize(new { query = Hello, extensions }));
        var byHash = await server.SendJsonAsync(JsonSerializer.Serialize(new { extensions, variables = new { n = "hash" } }));

        Assert.Equal(400, unknown.Status);
        Assert.Equal(["HC0020"], unknown.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", unknown.Errors[0].GetProperty("message").GetString());
        var persisted = registered.Json.GetProperty("extensions").GetProperty("persistedQuery");
        Assert.True(persisted.GetProperty("persisted").GetBoolean());
        Assert.Equal(hash, persisted.GetProperty("sha256Hash").GetString());
        Assert.Equal("Hello hash", byHash.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task AutomaticPersistedQueries_WithTheWrongHash_RunButAreNotKept()
    {
        var server = await StartAsync();
        var wrong = new string('a', 64);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = wrong } };

        var mismatched = await server.SendJsonAsync(JsonSerializer.Serialize(new { query = Hello, extensions }));
        var byHash = await server.SendJsonAsync(JsonSerializer.Serialize(new { extensions }));

        Assert.Equal("Hello world", mismatched.Data.GetProperty("hello").GetString());
        var persisted = mismatched.Json.GetProperty("extensions").GetProperty("persistedQuery");
        Assert.False(persisted.GetProperty("persisted").GetBoolean());
        Assert.Equal(OperationDocumentId.For(Hello), persisted.GetProperty("expectedHashValue").GetString());
        Assert.Equal(["HC0020"], byHash.ErrorCodes);
    }

    [Fact]
    public async Task AutomaticPersistedQueries_CannotSmuggleADocumentPastOnlyTrusted()
    {
        var server = await StartAsync(("OnlyTrusted", "true"));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = OperationDocumentId.For(Hello) } };

        var register = await server.SendJsonAsync(JsonSerializer.Serialize(new { query = Hello, extensions }));
        var byHash = await server.SendJsonAsync(JsonSerializer.Serialize(new { extensions }));

        Assert.Equal(["HC0067"], register.ErrorCodes);
        Assert.Equal(["HC0020"], byHash.ErrorCodes);
    }

    [Fact]
    public async Task OverAWebSocket_ATrustedDocumentRunsByItsId_AndAnUnknownOneGetsHC0020()
    {
        var server = await StartAsync(("OnlyTrusted", "true"));
        var id = Trust("subscription { bookAdded { title } }");
        await using var socket = await server.ConnectAsync("graphql-transport-ws");
        await socket.InitAsync();

        await socket.SendAsync(new { id = "unknown", type = "subscribe", payload = new { id = "nope" } });
        var refused = await socket.ReceiveAsync();
        await socket.SendAsync(new { id = "s1", type = "subscribe", payload = new { id } });
        await server.WaitForSubscribersAsync(1);
        await server.PublishAsync(new Book(1, "By id", 1));
        var next = await socket.ReceiveAsync();

        Assert.Equal("HC0020", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("By id", next.GetProperty("payload").GetProperty("data").GetProperty("bookAdded").GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheRegistrar_TrustsValidOperations_AndRefusesOthers()
    {
        var server = await StartAsync();
        var operations = Directory.CreateTempSubdirectory("operations-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(operations, "Hello.graphql"), Hello);
            await File.WriteAllTextAsync(Path.Combine(operations, "Broken.graphql"), "query Broken { nosuchfield }");
            await File.WriteAllTextAsync(Path.Combine(operations, "Fragment.graphql"), "fragment F on Book { title }");
            var registrar = new TrustedDocumentRegistrar(server.Service<LibrarySchema>(), server.Service<global::GraphQL.Execution.IDocumentBuilder>(),
                new FileSystemOperationDocumentStore(_folder));

            var registrations = await registrar.RegisterAsync([operations], CancellationToken.None);
            var byId = await server.SendJsonAsync(JsonSerializer.Serialize(new { id = OperationDocumentId.For(Hello) }));

            Assert.Equal(["Broken.graphql", "Fragment.graphql", "Hello.graphql"], registrations.Select(r => Path.GetFileName(r.File)));
            Assert.Contains("nosuchfield", registrations[0].Error, StringComparison.Ordinal);
            Assert.Equal("The document has no operation.", registrations[1].Error);
            Assert.Equal((OperationDocumentId.For(Hello), (string?)null), (registrations[2].Id, registrations[2].Error));
            Assert.Single(Directory.GetFiles(_folder));
            Assert.Equal("Hello world", byId.Data.GetProperty("hello").GetString());
        }
        finally
        {
            Directory.Delete(operations, recursive: true);
        }
    }
}
