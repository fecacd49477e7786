using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// The socket under a GraphQL WebSocket, whatever the protocol: a receive loop that reassembles
/// messages and holds them to a size and a rate, and one bounded queue of outgoing messages drained
/// by one writer (a WebSocket cannot send concurrently, and results arrive on event threads).
/// Replies wait for room in the queue, so a client that floods the socket is slowed down to what
/// it reads; events never wait (they are paced by <see cref="StreamPacer"/>). A connection ends
/// with a close frame whenever the client can still read one.
/// </summary>
internal sealed partial class WebSocketConnection : IDisposable
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a reply may wait for room in the queue before the client counts as gone.</summary>
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly WebSocketServices _services;
    private readonly Channel<Outgoing> _outgoing;
    private readonly MessageRateLimiter _rate;
    private readonly CancellationTokenSource _ending = new();
    private CloseFrame? _close;
    private int _closeRequested;

    public WebSocketConnection(WebSocket socket, WebSocketServices services)
    {
        _socket = socket;
        _services = services;
        var options = services.Options;
        // Results are paced to one per operation, so this only fills up when the client stops reading.
        _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(options.MaxOperationsPerConnection * 2 + 64)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _rate = new MessageRateLimiter(options.MaxWebSocketMessagesPerSecond, options.MaxWebSocketMessageBurst, services.Clock);
    }

    /// <summary>Cancelled when the connection is over: stop whatever runs for it.</summary>
    public CancellationToken Ending => _ending.Token;

    public bool IsClosing => Volatile.Read(ref _closeRequested) == 1;

    /// <summary>
    /// Reads messages into <paramref name="onMessage"/> (the message, and whether it is text) until the connection ends, then lets the
    /// writer send what is queued (the close frame last), but not for ever.
    /// </summary>
    /// <param name="onReceiveEnded">Called when no more messages will be read, before the queue drains.</param>
    public async Task RunAsync(Func<ReadOnlyMemory<byte>, bool, Task> onMessage, Action onReceiveEnded, CancellationToken aborted)
    {
        using var stop = aborted.Register(EndNow);
        var writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        try
        {
            await ReceiveLoopAsync(onMessage).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client vanished, the socket was aborted, or the server is stopping.
        }
        finally
        {
            onReceiveEnded();
            _outgoing.Writer.TryComplete();
            await Task.WhenAny(writer, Task.Delay(CloseHandshakeTimeout, _services.Clock, CancellationToken.None)).ConfigureAwait(false);
            EndNow();
            await writer.ConfigureAwait(false);
        }
    }

    /// <summary>Queues a message without waiting (events, from any thread); a full queue means the client stopped reading.</summary>
    public void Send(byte[] message, StreamPacer? pacer = null)
    {
        if (IsClosing)
        {
            pacer?.Release();
            return;
        }
        if (_outgoing.Writer.TryWrite(new Outgoing(message, pacer)))
            return;
        pacer?.Release();
        GiveUpOnSlowClient();
    }

    /// <summary>Queues a reply, waiting while the queue is full: the flooding client waits for its own answers.</summary>
    public async ValueTask ReplyAsync(byte[] message)
    {
        if (IsClosing)
            return;
        if (_outgoing.Writer.TryWrite(new Outgoing(message, null)))
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ending.Token);
        timeout.CancelAfter(ReplyTimeout);
        try
        {
            await _outgoing.Writer.WriteAsync(new Outgoing(message, null), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_ending.IsCancellationRequested)
        {
            GiveUpOnSlowClient();
        }
        catch (ChannelClosedException)
        {
            // Closing: the reply is no longer wanted.
        }
    }

    /// <summary>Ends the connection with a close frame after what is already queued.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 1)
            return;
        Volatile.Write(ref _close, new CloseFrame(code, Truncate(reason)));
        _outgoing.Writer.TryComplete();
        // A client that never answers the close frame is cut off.
        EndAfter(CloseHandshakeTimeout);
    }

    /// <summary>Stops reading and writing; the socket is aborted if it is still open.</summary>
    public void EndNow()
    {
        try
        {
            _ending.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    public void Dispose() => _ending.Dispose();

    private async Task ReceiveLoopAsync(Func<ReadOnlyMemory<byte>, bool, Task> onMessage)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var message = new ArrayBufferWriter<byte>();
        var maxBytes = _services.Options.MaxRequestBodyBytes;
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), _ending.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Close(CloseCodes.Normal, "");
                    return;
                }
                if (IsClosing)
                    continue; // closing: wait for the client's close frame, ignore the rest
                if (message.WrittenCount + received.Count > maxBytes)
                {
                    Close(CloseCodes.MessageTooBig, $"Messages may have at most {maxBytes} bytes.");
                    continue;
                }
                message.Write(buffer.AsSpan(0, received.Count));
                if (!received.EndOfMessage)
                    continue;
                if (!_rate.TryTake())
                    Close(CloseCodes.TooManyRequests, $"Too many messages: at most {_services.Options.MaxWebSocketMessagesPerSecond} a second.");
                else
                    await onMessage(message.WrittenMemory, received.MessageType == WebSocketMessageType.Text).ConfigureAwait(false);
                message.ResetWrittenCount();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(_ending.Token).ConfigureAwait(false))
            {
                await _socket.SendAsync(item.Message, WebSocketMessageType.Text, true, _ending.Token).ConfigureAwait(false);
                item.Pacer?.Release();
            }
            if (Volatile.Read(ref _close) is not { } close)
                return;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, _ending.Token).ConfigureAwait(false);
            if (_socket.State == WebSocketState.Closed)
                EndNow(); // the client had closed first: nothing more to read
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            EndNow();
        }
        finally
        {
            // Whatever is still queued will never be sent: let the paced streams go on to their end.
            while (_outgoing.Reader.TryRead(out var dropped))
                dropped.Pacer?.Release();
        }
    }

    /// <summary>Not even a reply fits after a while: the client stopped reading, so no close frame would reach it either.</summary>
    private void GiveUpOnSlowClient()
    {
        LogSlowClient(_services.Logger, _outgoing.Reader.Count);
        _socket.Abort();
        EndNow();
    }

    private void EndAfter(TimeSpan delay)
    {
        try
        {
            _ending.CancelAfter(delay);
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    /// <summary>A close reason may have at most 123 bytes of UTF-8.</summary>
    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123)
            return reason;
        var cut = reason[..Math.Min(reason.Length, 120)];
        while (Encoding.UTF8.GetByteCount(cut) > 120)
            cut = cut[..^1];
        return cut + "...";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected a WebSocket client that stopped reading ({Queued} messages waiting)")]
    private static partial void LogSlowClient(ILogger logger, int queued);

    private readonly record struct Outgoing(byte[] Message, StreamPacer? Pacer);

    private sealed record CloseFrame(int Code, string Reason);
}
