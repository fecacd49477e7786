using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Subscriptions;
using static NewsGraph.GraphQL.Transport.WebSockets.WebSocketProtocol;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// One GraphQL WebSocket connection, in either protocol. A receive loop reads and answers
/// messages; every outgoing message goes through one bounded queue drained by one writer (a
/// WebSocket cannot send concurrently, and results arrive on event threads). Each operation runs
/// on its own, so a slow one never holds up the others; a subscription hands over one event at a
/// time (<see cref="StreamPacer"/>), so a client that stops reading costs a bounded amount of memory
/// and is disconnected once even its control messages cannot be queued.
/// </summary>
internal sealed partial class WebSocketSession : IDisposable
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly WebSocket _socket;
    private readonly bool _legacy;
    private readonly Messages _messages;
    private readonly SessionServices _services;
    private readonly Channel<Outgoing> _outgoing;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _ending = new();
    private ClaimsPrincipal _user;
    private int _initState; // 0: waiting for connection_init, 1: authenticating, 2: acknowledged
    private int _closeRequested;
    private ITimer? _expiry;

    public WebSocketSession(WebSocket socket, bool legacy, ClaimsPrincipal user, SessionServices services)
    {
        _socket = socket;
        _legacy = legacy;
        _messages = legacy ? Messages.Apollo : Messages.Current;
        _user = user;
        _services = services;
        // Results are paced to one per operation, so this only fills up when the client stops reading.
        _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(services.Options.MaxOperationsPerConnection * 2 + 64)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        using var stop = aborted.Register(EndNow);
        var writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        var initTimeout = InitTimeoutAsync();
        var keepAlive = _legacy ? KeepAliveAsync() : Task.CompletedTask;
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client vanished, the socket was aborted, or the server is stopping.
        }
        finally
        {
            foreach (var operation in _operations.Values)
                operation.Stop();
            _operations.Clear();
            _expiry?.Dispose();
            // Let the writer send what is queued (the close frame last), but not for ever.
            _outgoing.Writer.TryComplete();
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(5), _services.Clock, CancellationToken.None)).ConfigureAwait(false);
            EndNow();
            await Task.WhenAll(writer, initTimeout, keepAlive).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var message = new ArrayBufferWriter<byte>();
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
                if (Volatile.Read(ref _closeRequested) == 1)
                    continue; // closing: wait for the client's close frame, ignore the rest
                if (message.WrittenCount + received.Count > _services.Options.MaxRequestBodyBytes)
                {
                    Close(CloseCodes.MessageTooBig, $"Messages may have at most {_services.Options.MaxRequestBodyBytes} bytes.");
                    continue;
                }
                message.Write(buffer.AsSpan(0, received.Count));
                if (!received.EndOfMessage)
                    continue;
                if (received.MessageType == WebSocketMessageType.Binary)
                    InvalidMessage("Binary messages are not supported; send JSON text.");
                else
                    await HandleAsync(message.WrittenMemory).ConfigureAwait(false);
                message.ResetWrittenCount();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            InvalidMessage("The message is not valid JSON.");
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                InvalidMessage("A message must be a JSON object with a string `type`.");
                return;
            }
            var type = typeElement.GetString()!;
            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            var payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement : default;
            if (_legacy)
                await HandleLegacyAsync(type, id, payload).ConfigureAwait(false);
            else
                await HandleCurrentAsync(type, id, payload).ConfigureAwait(false);
        }
    }

    /// <summary>The first <c>connection_init</c> goes on; any later one closes the socket (4429), in both protocols.</summary>
    private bool BeginInitialisation()
    {
        if (Interlocked.CompareExchange(ref _initState, 1, 0) == 0)
            return true;
        Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
        return false;
    }

    /// <summary>graphql-transport-ws: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md</summary>
    private async Task HandleCurrentAsync(string type, string? id, JsonElement payload)
    {
        switch (type)
        {
            case "connection_init":
                if (!BeginInitialisation())
                    return;
                if (await AuthenticateAsync(payload).ConfigureAwait(false) is not { } user)
                {
                    Close(CloseCodes.Forbidden, "Forbidden: the access token is invalid or has expired.");
                    return;
                }
                SignIn(user);
                Send(ResultFormatter.Message("connection_ack"));
                return;
            case "ping":
                Send(ResultFormatter.Message("pong"));
                return;
            case "pong":
                return;
            case "subscribe":
                if (Volatile.Read(ref _initState) != 2)
                {
                    Close(CloseCodes.Unauthorized, "Unauthorized: send connection_init and wait for connection_ack first.");
                    return;
                }
                if (string.IsNullOrEmpty(id))
                {
                    InvalidMessage("`subscribe` needs a string `id`.");
                    return;
                }
                var (request, error) = _services.Reader.ReadObject(payload);
                if (error is not null)
                {
                    InvalidMessage($"`subscribe` {id}: {error.Message}");
                    return;
                }
                var operation = new Operation(id, _user);
                if (!_operations.TryAdd(id, operation))
                {
                    Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
                    return;
                }
                Start(operation, request!);
                return;
            case "complete":
                if (id is not null && _operations.TryRemove(id, out var completed))
                    completed.Stop();
                return;
            default:
                InvalidMessage($"Unknown message type `{type}`.");
                return;
        }
    }

    /// <summary>The legacy subscriptions-transport-ws protocol, for older Apollo clients.</summary>
    private async Task HandleLegacyAsync(string type, string? id, JsonElement payload)
    {
        switch (type)
        {
            case "connection_init":
                if (!BeginInitialisation())
                    return;
                if (await AuthenticateAsync(payload).ConfigureAwait(false) is not { } user)
                {
                    Send(ResultFormatter.Message("connection_error", payloadJson: ErrorObject("Forbidden: the access token is invalid or has expired.")));
                    Close(CloseCodes.Forbidden, "Forbidden");
                    return;
                }
                SignIn(user);
                Send(ResultFormatter.Message("connection_ack"));
                Send(ResultFormatter.Message("ka"));
                return;
            case "start":
                if (string.IsNullOrEmpty(id))
                {
                    InvalidMessage("`start` needs a string `id`.");
                    return;
                }
                if (Volatile.Read(ref _initState) != 2)
                {
                    Send(ResultFormatter.Message("error", id, ErrorObject("Send connection_init and wait for connection_ack first.")));
                    return;
                }
                var (request, error) = _services.Reader.ReadObject(payload);
                if (error is not null)
                {
                    Send(ResultFormatter.Message("error", id, _services.Formatter.Errors([error])));
                    return;
                }
                // Apollo's server replaces an operation started again under the same id.
                if (_operations.TryRemove(id, out var replaced))
                    replaced.Stop();
                var operation = new Operation(id, _user);
                _operations[id] = operation;
                Start(operation, request!);
                return;
            case "stop":
                if (id is not null && _operations.TryRemove(id, out var stopped))
                    stopped.Stop();
                return;
            case "connection_terminate":
                Close(CloseCodes.Normal, "");
                return;
            default:
                Send(ResultFormatter.Message("error", id, ErrorObject($"Unknown message type `{type}`.")));
                return;
        }
    }

    private void Start(Operation operation, GraphQLRequest request)
    {
        if (_operations.Count > _services.Options.MaxOperationsPerConnection && _operations.TryRemove(operation.Id, out _))
        {
            var tooMany = new ExecutionError($"A connection may run at most {_services.Options.MaxOperationsPerConnection} operations at once.")
            {
                Code = ErrorCodes.TooManyOperations,
            };
            Send(ResultFormatter.Message(_messages.Error, operation.Id, _services.Formatter.Errors([tooMany])));
            return;
        }
        _ = Task.Run(() => RunOperationAsync(operation, request));
    }

    private async Task RunOperationAsync(Operation operation, GraphQLRequest request)
    {
        try
        {
            ExecutionResult result;
            // A scope per operation: request-scoped services (DataLoader caches) never outlive it.
            await using (var scope = _services.Scopes.CreateAsyncScope())
            {
                var options = RequestExecution.Options(request, operation.User, scope.ServiceProvider, AllowedOperationsRule.Streaming,
                    operation.Cancellation.Token, operation.Pacer);
                result = await _services.Executer.ExecuteAsync(options).ConfigureAwait(false);
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                var subscription = streams.Values.First().Subscribe(new StreamObserver(this, operation));
                if (!operation.Attach(subscription))
                    subscription.Dispose(); // completed by the client while it was starting
                return;
            }
            if (!Finish(operation))
                return;
            if (!result.Executed || RequestExecution.IsSubscription(result))
            {
                Send(ResultFormatter.Message(_messages.Error, operation.Id, _services.Formatter.Errors(result.Errors ?? [])));
                return;
            }
            Send(ResultFormatter.Message(_messages.Next, operation.Id, _services.Formatter.Result(result)));
            Send(ResultFormatter.Message(_messages.Complete, operation.Id));
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            // Completed by the client, or the connection ended.
        }
        catch (Exception ex)
        {
            LogOperationFailed(_services.Logger, ex, operation.Id);
            if (Finish(operation))
            {
                var unexpected = new ExecutionError("Unexpected Execution Error") { Code = ErrorCodes.UnexpectedExecutionError };
                Send(ResultFormatter.Message(_messages.Error, operation.Id, _services.Formatter.Errors([unexpected])));
            }
        }
    }

    /// <summary>Removes a running operation; false when someone else already did (client complete, expiry).</summary>
    private bool Finish(Operation operation)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
            return false;
        operation.Stop();
        return true;
    }

    private async ValueTask<ClaimsPrincipal?> AuthenticateAsync(JsonElement payload)
    {
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return null;
        var token = AccessTokens.FromConnectionParams(payload);
        if (token is null)
            return _user; // what the upgrade request carried, if anything
        if (token.Length == 0 || _services.Authenticator is null)
            return null;
        var user = await _services.Authenticator.AuthenticateAsync(token, _ending.Token).ConfigureAwait(false);
        return AccessTokens.IsSignedIn(user) ? user : null;
    }

    private void SignIn(ClaimsPrincipal user)
    {
        _user = user;
        if (AccessTokens.IsSignedIn(user) && AccessTokens.ExpiresAt(user) is { } expiresAt)
            _expiry = _services.Clock.CreateTimer(_ => Expire(user), null, Streaming.Until(expiresAt, _services.Clock), Timeout.InfiniteTimeSpan);
        Volatile.Write(ref _initState, 2);
    }

    /// <summary>The token ran out: what it started ends with an error; the connection goes on, signed out.</summary>
    private void Expire(ClaimsPrincipal user)
    {
        _user = Anonymous;
        var errors = _services.Formatter.Errors([Streaming.TokenExpired()]);
        foreach (var operation in _operations.Values.Where(o => ReferenceEquals(o.User, user)))
        {
            if (Finish(operation))
                Send(ResultFormatter.Message(_messages.Error, operation.Id, errors));
        }
    }

    private void InvalidMessage(string reason)
    {
        if (_legacy)
            Send(ResultFormatter.Message("connection_error", payloadJson: ErrorObject(reason)));
        else
            Close(CloseCodes.BadRequest, reason);
    }

    private void Send(byte[] message, StreamPacer? pacer = null)
    {
        if (Volatile.Read(ref _closeRequested) == 1)
        {
            pacer?.Release();
            return;
        }
        if (_outgoing.Writer.TryWrite(new Outgoing(message, pacer)))
            return;
        // Not even a control message fits: the client stopped reading long ago.
        LogSlowClient(_services.Logger, _outgoing.Reader.Count);
        _socket.Abort();
        EndNow();
    }

    private void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 1)
            return;
        if (!_outgoing.Writer.TryWrite(new Outgoing(null, null, code, reason)))
            _socket.Abort();
        _outgoing.Writer.TryComplete();
        // A client that never answers the close frame is cut off.
        EndAfter(TimeSpan.FromSeconds(5));
    }

    /// <summary>Stops reading and writing; the socket is aborted if it is still open.</summary>
    private void EndNow()
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

    public void Dispose()
    {
        _expiry?.Dispose();
        _ending.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(_ending.Token).ConfigureAwait(false))
            {
                if (item.Message is not null)
                {
                    await _socket.SendAsync(item.Message, WebSocketMessageType.Text, true, _ending.Token).ConfigureAwait(false);
                    item.Pacer?.Release();
                    continue;
                }
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode, Truncate(item.Reason!), _ending.Token).ConfigureAwait(false);
                if (_socket.State == WebSocketState.Closed)
                    EndNow(); // the client had closed first: nothing more to read
                return;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            EndNow();
        }
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(_services.Options.ConnectionInitTimeout, _services.Clock, _ending.Token).ConfigureAwait(false);
            if (Volatile.Read(ref _initState) == 0)
                Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
            // Over before the time ran out.
        }
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_services.Options.KeepAliveInterval, _services.Clock, _ending.Token).ConfigureAwait(false);
                if (Volatile.Read(ref _initState) == 2)
                    Send(ResultFormatter.Message("ka"));
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private static string ErrorObject(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message });

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

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket operation {OperationId} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected a WebSocket client that stopped reading ({Queued} messages waiting)")]
    private static partial void LogSlowClient(ILogger logger, int queued);

    private readonly record struct Outgoing(byte[]? Message, StreamPacer? Pacer, int CloseCode = 0, string? Reason = null);

    /// <summary>One running operation: a subscription until it completes, a query or mutation until it answers.</summary>
    private sealed class Operation(string id, ClaimsPrincipal user)
    {
        private readonly Lock _lock = new();
        private IDisposable? _subscription;
        private bool _stopped;

        public string Id { get; } = id;

        /// <summary>Who started it; its events resolve as this user.</summary>
        public ClaimsPrincipal User { get; } = user;

        public StreamPacer Pacer { get; } = new();

        public CancellationTokenSource Cancellation { get; } = new();

        public bool Stopped
        {
            get
            {
                lock (_lock)
                    return _stopped;
            }
        }

        /// <summary>Keeps the subscription to dispose when the operation stops; false if it already has.</summary>
        public bool Attach(IDisposable subscription)
        {
            lock (_lock)
            {
                if (_stopped)
                    return false;
                _subscription = subscription;
                return true;
            }
        }

        public void Stop()
        {
            IDisposable? subscription;
            lock (_lock)
            {
                if (_stopped)
                    return;
                _stopped = true;
                subscription = _subscription;
            }
            Cancellation.Cancel();
            subscription?.Dispose();
            Pacer.Release();
        }
    }

    private sealed class StreamObserver(WebSocketSession session, Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (operation.Stopped)
            {
                operation.Pacer.Release();
                return;
            }
            session.Send(ResultFormatter.Message(session._messages.Next, operation.Id, session._services.Formatter.Result(value)), operation.Pacer);
        }

        public void OnError(Exception error)
        {
            if (!session.Finish(operation))
                return;
            var failure = error as ExecutionError ?? new ExecutionError("Unexpected Execution Error") { Code = ErrorCodes.UnexpectedExecutionError };
            session.Send(ResultFormatter.Message(session._messages.Error, operation.Id, session._services.Formatter.Errors([failure])));
        }

        public void OnCompleted()
        {
            if (session.Finish(operation))
                session.Send(ResultFormatter.Message(session._messages.Complete, operation.Id));
        }
    }
}

/// <summary>What every session of one endpoint shares.</summary>
internal sealed record SessionServices(
    IDocumentExecuter Executer,
    GraphQLRequestReader Reader,
    ResultFormatter Formatter,
    IConnectionAuthenticator? Authenticator,
    IServiceScopeFactory Scopes,
    GraphQLServerOptions Options,
    TimeProvider Clock,
    ILogger Logger);
