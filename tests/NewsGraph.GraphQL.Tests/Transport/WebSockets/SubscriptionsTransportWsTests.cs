using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.WebSockets;

/// <summary>The legacy subscriptions-transport-ws protocol (sub-protocol <c>graphql-ws</c>) older Apollo clients speak.</summary>
public sealed class SubscriptionsTransportWsTests : IAsyncLifetime
{
    private const string Protocol = "graphql-ws";
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
    {
        ["GraphQL:KeepAliveInterval"] = "00:00:00.300",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<GraphQLSocket> ConnectAsync()
    {
        var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();
        Assert.Equal("ka", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        return socket;
    }

    [Fact]
    public async Task StartStreamsDataUntilStop()
    {
        await using var socket = await ConnectAsync();
        Assert.Equal(Protocol, socket.Subprotocol);

        await socket.SendAsync(new { id = "1", type = "start", payload = new { query = "subscription { bookAdded { title } }" } });
        await _server.WaitForSubscribersAsync(1);
        await _server.PublishAsync(new Book(1, "Legacy news", 1));
        var data = await socket.ReceiveUntilAsync("1", "data");
        await socket.SendAsync(new { id = "1", type = "stop" });
        await _server.WaitForSubscribersAsync(0);

        Assert.Equal("Legacy news", data.GetProperty("payload").GetProperty("data").GetProperty("bookAdded").GetProperty("title").GetString());
    }

    [Fact]
    public async Task AQueryGivesDataThenComplete()
    {
        await using var socket = await ConnectAsync();

        await socket.SendAsync(new { id = "q", type = "start", payload = new { query = "{ hello }" } });

        Assert.Equal("Hello world", (await socket.ReceiveUntilAsync("q", "data")).GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        await socket.ReceiveUntilAsync("q", "complete");
    }

    [Fact]
    public async Task KeepAlivesKeepComing()
    {
        await using var socket = await ConnectAsync();

        var second = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("ka", second.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"id":"1","type":"start","payload":{"query":"{ nope }"}}""", "error", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("""{"id":"2","type":"launch"}""", "error", "REQUEST_INVALID")]
    [InlineData("not json", "connection_error", "REQUEST_INVALID")]
    [InlineData("""{"id":"3","type":"start\ud800"}""", "connection_error", "REQUEST_INVALID")]
    public async Task BadMessagesGetACodedErrorAndTheSocketStaysOpen(string message, string type, string code)
    {
        await using var socket = await ConnectAsync();

        await socket.SendTextAsync(message);
        var answer = await SkipKeepAlivesAsync(socket);
        await socket.SendAsync(new { id = "q", type = "start", payload = new { query = "{ hello }" } });

        Assert.Equal(type, answer.GetProperty("type").GetString());
        var payload = answer.GetProperty("payload");
        var error = payload.ValueKind == System.Text.Json.JsonValueKind.Array ? payload[0] : payload;
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        await socket.ReceiveUntilAsync("q", "data");
    }

    [Fact]
    public async Task AStartBeforeTheInitGetsACodedError()
    {
        await using var socket = await _server.ConnectAsync(Protocol);

        await socket.SendAsync(new { id = "1", type = "start", payload = new { query = "{ hello }" } });
        var answer = await socket.ReceiveAsync();

        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Equal("REQUEST_INVALID", answer.GetProperty("payload").GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConnectionTerminateClosesNormally()
    {
        await using var socket = await ConnectAsync();

        await socket.SendAsync(new { type = "connection_terminate" });

        Assert.Equal(1000, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task AForbiddenInitGetsAConnectionErrorThenClose()
    {
        await using var socket = await _server.ConnectAsync(Protocol);

        await socket.SendAsync(new { type = "connection_init", payload = new { authToken = "forged" } });

        var refusal = await socket.ReceiveAsync();

        Assert.Equal("connection_error", refusal.GetProperty("type").GetString());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", refusal.GetProperty("payload").GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    private static async Task<System.Text.Json.JsonElement> SkipKeepAlivesAsync(GraphQLSocket socket)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (message.GetProperty("type").GetString() != "ka")
                return message;
        }
    }
}
