using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>A GraphQL WebSocket client as a test drives it: one JSON message at a time.</summary>
public sealed class GraphQLSocket(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public WebSocket Socket => socket;

    public string? Subprotocol => socket.SubProtocol;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text)
        => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public Task SubscribeAsync(string id, string query, object? variables = null)
        => SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails the test when the socket closes or nothing comes in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        var (message, close) = await ReadAsync(timeout ?? DefaultTimeout);
        Assert.True(message.HasValue, $"The server closed the socket: {close}");
        return message.Value;
    }

    /// <summary>Reads until the server's close frame (skipping messages); its code and reason.</summary>
    public async Task<(int? Code, string? Reason)> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (message, close) = await ReadAsync(timeout ?? DefaultTimeout);
            if (!message.HasValue)
                return close;
        }
    }

    /// <summary>Messages until one of type <paramref name="type"/> for <paramref name="id"/> (which is returned).</summary>
    public async Task<JsonElement> ReceiveUntilAsync(string id, string type, TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            if (message.TryGetProperty("id", out var messageId) && messageId.GetString() == id && message.GetProperty("type").GetString() == type)
                return message;
        }
    }

    /// <summary>The next message, or the server's close frame (code and reason) when it closes instead.</summary>
    public Task<(JsonElement? Message, (int? Code, string? Reason) Close)> ReceiveOrCloseAsync(TimeSpan? timeout = null)
        => ReadAsync(timeout ?? DefaultTimeout);

    private async Task<(JsonElement? Message, (int? Code, string? Reason) Close)> ReadAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancel.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    return (null, ((int?)received.CloseStatus, received.CloseStatusDescription));
                text.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                    return (JsonDocument.Parse(text.ToArray()).RootElement.Clone(), default);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing arrived within {timeout.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancel.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Gone already.
            }
        }
        socket.Dispose();
    }
}
