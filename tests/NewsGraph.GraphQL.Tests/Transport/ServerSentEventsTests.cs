using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport;

/// <summary>GraphQL over server-sent events ("distinct connections" mode), for clients that cannot use WebSockets.</summary>
public sealed class ServerSentEventsTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync(new Dictionary<string, string?>
    {
        ["GraphQL:KeepAliveInterval"] = "00:00:00.300",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ASubscription_StreamsNextEvents_AndKeepsTheConnectionAlive()
    {
        using var response = await SendAsync(HttpMethod.Post, "subscription { bookAdded { title } }");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await _server.WaitForSubscribersAsync(1);

        var keepAlive = await reader.ReadLineAsync();
        await _server.PublishAsync(new Book(1, "Streamed", 1));
        var (name, data) = await ReadEventAsync(reader);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(":", keepAlive);
        Assert.Equal("next", name);
        Assert.Equal("Streamed", data.GetProperty("data").GetProperty("bookAdded").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ClosingTheConnection_EndsTheSubscription()
    {
        var response = await SendAsync(HttpMethod.Post, "subscription { bookAdded { title } }");
        await _server.WaitForSubscribersAsync(1);
        // A client that has read from the stream (a keep-alive): TestHost does not always end the
        // request of a client that disposes its response before reading anything, as Kestrel does.
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), leaveOpen: true))
            await reader.ReadLineAsync();

        response.Dispose();

        await _server.WaitForSubscribersAsync(0);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task AQuery_IsOneNextThenComplete(string method)
    {
        using var response = await SendAsync(new HttpMethod(method), "{ hello }");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("event: next\ndata: {\"data\":{\"hello\":\"Hello world\"}}\n\nevent: complete\ndata:\n\n", text);
    }

    [Fact]
    public async Task AnInvalidDocument_IsA400WithJson_BeforeAnyStream()
    {
        using var response = await SendAsync(HttpMethod.Post, "subscription { nope }");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("FIELDS_ON_CORRECT_TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMutationOverGet_IsStill405()
    {
        using var response = await SendAsync(HttpMethod.Get, "mutation { addBook(title: \"x\") { title } }");

        Assert.Equal(405, (int)response.StatusCode);
    }

    [Fact]
    public async Task WithoutEventStreamInAccept_ASubscriptionIsRefused()
    {
        var response = await _server.PostAsync("subscription { bookAdded { title } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["OPERATION_NOT_ALLOWED"], response.ErrorCodes);
    }

    [Fact]
    public async Task WhenTheTokenExpires_TheStreamEndsWithAnError()
    {
        using var response = await SendAsync(HttpMethod.Post, "subscription { rareBookAdded { title } }",
            TestTokens.For("kim", "librarian", DateTimeOffset.UtcNow.AddSeconds(2)));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (name, data) = await ReadEventAsync(reader);
        var (last, _) = await ReadEventAsync(reader, allowEmptyData: true);

        Assert.Equal("next", name);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", data.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", last);
    }

    [Fact]
    public async Task ASubscription_SendsItsHeadersAtOnce_NotWithTheFirstEvent()
    {
        await using var quiet = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:KeepAliveInterval"] = "00:01:00" });

        var sending = SendAsync(HttpMethod.Post, "subscription { bookAdded { title } }", server: quiet);
        var answered = await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.Same(sending, answered);
        using var response = await sending;
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string query, string? token = null, LibraryServer? server = null)
    {
        using var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, "/graphql?query=" + Uri.EscapeDataString(query))
            : new HttpRequestMessage(method, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await (server ?? _server).Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The next event (keep-alive comments skipped): its name and JSON data.</summary>
    private static async Task<(string? Name, JsonElement Data)> ReadEventAsync(StreamReader reader, bool allowEmptyData = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line[7..];
            else if (line.StartsWith("data:", StringComparison.Ordinal))
                data = line[5..].Trim();
            else if (line.Length == 0 && name is not null)
                return (name, data is { Length: > 0 } ? JsonDocument.Parse(data).RootElement.Clone() : allowEmptyData ? default : throw new InvalidDataException("An event without data."));
        }
        throw new EndOfStreamException();
    }
}
