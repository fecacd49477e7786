using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.WebSockets;

/// <summary>A client that abuses its socket is closed with a close frame and a policy code, in both protocols, never just dropped.</summary>
public sealed class WebSocketAbuseTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
    {
        ["GraphQL:MaxOperationsPerConnection"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // Subscriptions past the limit are refused first (1008); anything else runs into the message rate (4429).
    public static TheoryData<string, string, int> Floods => new()
    {
        { "graphql-transport-ws", "{\"id\":\"s{0}\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { bookAdded { title } }\"}}", 1008 },
        { "graphql-ws", "{\"id\":\"s{0}\",\"type\":\"start\",\"payload\":{\"query\":\"subscription { bookAdded { title } }\"}}", 1008 },
        { "graphql-transport-ws", "{\"type\":\"ping\"}", 4429 },
        { "graphql-ws", "{\"type\":\"nonsense\"}", 4429 },
    };

    [Theory]
    [MemberData(nameof(Floods))]
    public async Task TenThousandMessages_AreClosedWithAPolicyCode_AndACloseFrame(string protocol, string message, int expectedCode)
    {
        await using var socket = await _server.ConnectAsync(protocol);
        await socket.InitAsync();

        var sent = await FloodAsync(socket.Socket, message, 10_000);
        var (code, reason) = await socket.ReceiveCloseAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expectedCode, code);
        Assert.StartsWith("Too many", reason, StringComparison.Ordinal);
        Assert.True(sent < 10_000 || socket.Socket.State is WebSocketState.CloseReceived or WebSocketState.Closed);
        // The server is fine: a new connection works.
        await using var next = await _server.ConnectAsync(protocol);
        await next.InitAsync();
    }

    [Fact]
    public async Task OperationsOverTheLimit_GetErrors_ThenTheConnectionIsClosedWith1008()
    {
        await using var socket = await _server.ConnectAsync("graphql-transport-ws");
        await socket.InitAsync();
        await socket.SubscribeAsync("s1", "subscription { bookAdded { title } }");
        await socket.SubscribeAsync("s2", "subscription { bookAdded { title } }");
        await _server.WaitForSubscribersAsync(2);

        var refusals = new List<string?>();
        for (var i = 3; i <= 20; i++)
            await socket.SubscribeAsync($"s{i}", "subscription { bookAdded { title } }");
        (int? Code, string? Reason) close = default;
        while (true)
        {
            var (message, closed) = await socket.ReceiveOrCloseAsync();
            if (message is null)
            {
                close = closed;
                break;
            }
            refusals.Add(message.Value.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        Assert.Equal(16, refusals.Count);
        Assert.All(refusals, code => Assert.Equal("TOO_MANY_OPERATIONS", code));
        Assert.Equal(1008, close.Code);
    }

    [Fact]
    public async Task HostileDocuments_OverASocket_GetTheirCodes_AndTheSocketStaysOpen()
    {
        var explosion = new StringBuilder("subscription { bookAdded { ...F0 } }\n");
        for (var i = 0; i < 30; i++)
            explosion.Append(i < 29 ? $"fragment F{i} on Book {{ ...F{i + 1} ...F{i + 1} }}\n" : $"fragment F{i} on Book {{ title }}\n");
        await using var socket = await _server.ConnectAsync("graphql-transport-ws");
        await socket.InitAsync();

        await socket.SubscribeAsync("a", explosion.ToString());
        var visits = await socket.ReceiveAsync();
        await socket.SubscribeAsync("b", "{ books(first: 200) { author { books(first: 5) { title } } } }");
        var cost = await socket.ReceiveAsync();
        await socket.SubscribeAsync("c", "{ hello" + string.Concat(Enumerable.Repeat(" @include(if: true)", 50)) + " }");
        var directives = await socket.ReceiveAsync();
        await socket.SubscribeAsync("d", "{ " + string.Join(' ', Enumerable.Range(0, 2049).Select(i => $"a{i}: hello")) + " }");
        var fields = await socket.ReceiveAsync();
        await socket.SubscribeAsync("e", "{ __schema { queryType { name } } }");
        var introspection = await socket.ReceiveAsync();
        await socket.SubscribeAsync("f", "subscription { bookAdded { author { books { author { books { author { books { author { name } } } } } } } } }");
        var cycle = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal("MAX_FRAGMENT_VISITS_EXCEEDED", CodeOf(visits, "a"));
        Assert.Equal("HC0047", CodeOf(cost, "b"));
        Assert.Equal("MAX_DIRECTIVES_PER_LOCATION_EXCEEDED", CodeOf(directives, "c"));
        Assert.Equal("MAX_FIELDS_EXCEEDED", CodeOf(fields, "d"));
        Assert.Equal("HC0046", CodeOf(introspection, "e")); // the test server runs as Production
        Assert.Equal("HC0087", CodeOf(cycle, "f"));
        Assert.Equal("pong", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    private static string? CodeOf(JsonElement message, string id)
    {
        Assert.Equal(("error", id), (message.GetProperty("type").GetString(), message.GetProperty("id").GetString()));
        return message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    /// <summary>Sends <paramref name="count"/> copies of a message as fast as the socket takes them, until it closes; how many went.</summary>
    private static async Task<int> FloodAsync(WebSocket socket, string template, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(template.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                return i;
            }
            if (socket.State != WebSocketState.Open)
                return i + 1;
        }
        return count;
    }
}
