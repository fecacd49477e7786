using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.WebSockets;

/// <summary>graphql-transport-ws as https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md has it.</summary>
public sealed class GraphQLTransportWsTests : IAsyncLifetime
{
    private const string Protocol = "graphql-transport-ws";
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
    {
        ["GraphQL:ConnectionInitTimeout"] = "00:00:01",
        ["GraphQL:MaxOperationsPerConnection"] = "3",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("graphql-transport-ws")]
    [InlineData("graphql-ws,graphql-transport-ws")]
    [InlineData("")]
    public async Task TheCurrentProtocol_IsChosen_WheneverItIsOfferedOrNothingIs(string offeredList)
    {
        var offered = offeredList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        await using var socket = await _server.ConnectAsync(offered);

        await socket.InitAsync();
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal(offered.Length == 0 ? null : Protocol, socket.Subprotocol);
        Assert.Equal("pong", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnUnknownSubprotocol_IsClosedWith4406()
    {
        await using var socket = await _server.ConnectAsync("mqtt");

        Assert.Equal(4406, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task AQuery_GivesOneNextThenComplete()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();

        await socket.SubscribeAsync("q1", "query($n: String) { hello(name: $n) }", new { n = "socket" });
        var next = await socket.ReceiveAsync();
        var complete = await socket.ReceiveAsync();

        Assert.Equal(("next", "q1"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        Assert.Equal("Hello socket", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(("complete", "q1"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ASubscription_StreamsEvents_WithNestedDataLoadedPerEvent_UntilTheClientCompletesIt()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();
        await socket.SubscribeAsync("s1", "subscription { bookAdded(authorId: 7) { title author { name } } }");
        await _server.WaitForSubscribersAsync(1);

        await _server.PublishAsync(new Book(1, "Not by seven", 3));
        await _server.PublishAsync(new Book(2, "Seven's first", 7));
        await _server.PublishAsync(new Book(3, "Seven's second", 7));
        var first = await socket.ReceiveUntilAsync("s1", "next");
        var second = await socket.ReceiveUntilAsync("s1", "next");
        await socket.SendAsync(new { id = "s1", type = "complete" });
        await _server.WaitForSubscribersAsync(0);
        await _server.PublishAsync(new Book(4, "After the end", 7));
        await socket.SubscribeAsync("q", "{ hello }");
        var afterwards = await socket.ReceiveAsync();

        Assert.Equal("Seven's first", first.GetProperty("payload").GetProperty("data").GetProperty("bookAdded").GetProperty("title").GetString());
        Assert.Equal("Author 7", first.GetProperty("payload").GetProperty("data").GetProperty("bookAdded").GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Seven's second", second.GetProperty("payload").GetProperty("data").GetProperty("bookAdded").GetProperty("title").GetString());
        // Nothing more for s1: the next message is the answer to the query sent after `complete`.
        Assert.Equal("q", afterwards.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{ hello", "SYNTAX_ERROR")]
    [InlineData("{ nope }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("subscription { bookAdded { title } rareBookAdded { title } }", "SINGLE_ROOT_FIELD_SUBSCRIPTIONS")]
    public async Task AnInvalidOperation_GetsAnErrorMessage_AndTheSocketStaysOpen(string query, string code)
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();

        await socket.SubscribeAsync("bad", query);
        var error = await socket.ReceiveAsync();
        await socket.SubscribeAsync("good", "{ hello }");
        var next = await socket.ReceiveAsync();

        Assert.Equal(("error", "bad"), (error.GetProperty("type").GetString(), error.GetProperty("id").GetString()));
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("extensions").GetProperty("code").GetString() == code);
        Assert.Equal("Hello world", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
    }

    public static TheoryData<string, int> ProtocolViolations() => new()
    {
        { "not json", 4400 },
        { "[1,2]", 4400 },
        { """{"type":42}""", 4400 },
        { """{"type":"shout"}""", 4400 },
        { """{"type":"subscribe","payload":{"query":"{ hello }"}}""", 4400 },
        { """{"id":"x","type":"subscribe","payload":{"variables":{}}}""", 4400 },
        { """{"id":"x","type":"subscribe","payload":{"query":"{ hello }","variables":[1]}}""", 4400 },
        // Half a surrogate pair escaped: reading it threw, and the connection dropped without a close frame.
        { """{"id":"x","type":"subscribe\ud800","payload":{"query":"{ hello }"}}""", 4400 },
        { """{"id":"x","type":"subscribe","payload":{"query":"{ hello } # \udc00"}}""", 4400 },
        { """{"type":"connection_init"}""", 4429 },
    };

    [Theory]
    [MemberData(nameof(ProtocolViolations))]
    public async Task AProtocolViolation_ClosesWithItsCode_AndOtherSocketsCarryOn(string message, int code)
    {
        await using var bystander = await _server.ConnectAsync(Protocol);
        await bystander.InitAsync();
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();

        await socket.SendTextAsync(message);
        var close = await socket.ReceiveCloseAsync();
        await bystander.SubscribeAsync("q", "{ hello }");

        Assert.Equal(code, close.Code);
        Assert.False(string.IsNullOrEmpty(close.Reason));
        Assert.Equal("next", (await bystander.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task SubscribingBeforeTheAck_Is4401()
    {
        await using var socket = await _server.ConnectAsync(Protocol);

        await socket.SubscribeAsync("early", "{ hello }");

        Assert.Equal(4401, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task ADuplicateOperationId_Is4409()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();
        await socket.SubscribeAsync("same", "subscription { bookAdded { title } }");

        await socket.SubscribeAsync("same", "subscription { bookAdded { title } }");

        var close = await socket.ReceiveCloseAsync();
        Assert.Equal((4409, "Subscriber for same already exists"), (close.Code, close.Reason));
    }

    [Fact]
    public async Task NoConnectionInit_Is4408AfterTheTimeout()
    {
        await using var socket = await _server.ConnectAsync(Protocol);

        Assert.Equal(4408, (await socket.ReceiveCloseAsync(TimeSpan.FromSeconds(5))).Code);
    }

    [Fact]
    public async Task MoreOperationsThanAllowed_GetAnError_TheOthersRun()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();
        for (var i = 1; i <= 3; i++)
            await socket.SubscribeAsync($"s{i}", "subscription { bookAdded { title } }");
        await _server.WaitForSubscribersAsync(3);

        await socket.SubscribeAsync("s4", "subscription { bookAdded { title } }");
        var refused = await socket.ReceiveAsync();
        await _server.PublishAsync(new Book(1, "For the three", 1));
        var delivered = new[] { await socket.ReceiveAsync(), await socket.ReceiveAsync(), await socket.ReceiveAsync() };

        Assert.Equal(("error", "s4"), (refused.GetProperty("type").GetString(), refused.GetProperty("id").GetString()));
        Assert.Equal("TOO_MANY_OPERATIONS", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["s1", "s2", "s3"], delivered.Select(m => m.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task AnInvalidTokenInConnectionInit_Is4403()
    {
        await using var socket = await _server.ConnectAsync(Protocol);

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer forged" } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task AnAnonymousSocket_CannotSubscribeToAnAuthorizedField_ButStaysOpen()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync();

        await socket.SubscribeAsync("rare", "subscription { rareBookAdded { title } }");
        var error = await socket.ReceiveAsync();
        await socket.SubscribeAsync("q", "{ hello }");

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("next", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("reader", "AUTH_NOT_AUTHORIZED")]
    [InlineData("librarian", null)]
    public async Task TheTokenInConnectionInit_DecidesWhatMaySubscribe(string role, string? code)
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync(new { authToken = TestTokens.For("kim", role, DateTimeOffset.UtcNow.AddHours(1)) });

        await socket.SubscribeAsync("rare", "subscription { rareBookAdded { title } }");
        if (code is not null)
        {
            Assert.Equal(code, (await socket.ReceiveAsync()).GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
            return;
        }
        await _server.WaitForSubscribersAsync(1);
        await _server.PublishAsync(new Book(5, "A first edition", 2));
        Assert.Equal("A first edition", (await socket.ReceiveUntilAsync("rare", "next")).GetProperty("payload").GetProperty("data").GetProperty("rareBookAdded").GetProperty("title").GetString());
    }

    [Fact]
    public async Task WhenTheTokenExpires_ItsSubscriptionsEndWithAnError_AndTheSocketGoesOnSignedOut()
    {
        await using var socket = await _server.ConnectAsync(Protocol);
        await socket.InitAsync(new { headers = new { Authorization = "Bearer " + TestTokens.For("kim", "librarian", DateTimeOffset.UtcNow.AddSeconds(2)) } });
        await socket.SubscribeAsync("rare", "subscription { rareBookAdded { title } }");
        await _server.WaitForSubscribersAsync(1);

        var ended = await socket.ReceiveUntilAsync("rare", "error", TimeSpan.FromSeconds(10));
        await socket.SubscribeAsync("again", "subscription { rareBookAdded { title } }");
        var refused = await socket.ReceiveUntilAsync("again", "error");

        Assert.Equal("AUTH_NOT_AUTHENTICATED", ended.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("expired", ended.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnUpgradeWithARejectedAuthorizationHeader_Is401()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _server.ConnectAsync([Protocol], "forged"));

        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }
}
