using System.Collections.Concurrent;
using System.Security.Claims;
using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// What both WebSocket protocols do the same way: the <c>connection_init</c> handshake and its
/// token, the operations a connection runs (each on its own, so a slow one never holds up the
/// others, and never more than <see cref="GraphQLServerOptions.MaxOperationsPerConnection"/> at
/// once), and the end of what a token started when it expires. Each protocol reads its own
/// messages and names its replies.
/// </summary>
internal abstract partial class SubscriptionServer
{
    /// <summary>The message both protocols open with.</summary>
    private const string ConnectionInit = "connection_init";

    /// <summary>Operations refused for being over the limit before the connection is closed as abusive.</summary>
    private const int MaxRefusedOperations = 16;

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly ConcurrentDictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);
    private ClaimsPrincipal _user;
    private int _initState = (int)ConnectionInitState.WaitingForInit;
    private int _refusedOperations;
    private ITimer? _expiry;

    protected SubscriptionServer(WebSocketConnection connection, ClaimsPrincipal user, WebSocketServices services)
    {
        Connection = connection;
        Services = services;
        _user = user;
    }

    protected WebSocketConnection Connection { get; }

    protected WebSocketServices Services { get; }

    protected bool IsAcknowledged => Volatile.Read(ref _initState) == (int)ConnectionInitState.Acknowledged;

    /// <summary>What the protocol calls a result, an operation's error and its end.</summary>
    protected abstract (string Next, string Error, string Complete) ResultTypes { get; }

    public async Task RunAsync(CancellationToken aborted)
    {
        var initTimeout = InitTimeoutAsync();
        var keepAlive = KeepAliveAsync();
        await Connection.RunAsync(OnMessageAsync, StopAll, aborted).ConfigureAwait(false);
        await Task.WhenAll(initTimeout, keepAlive).ConfigureAwait(false);
    }

    /// <summary>One message of the protocol after <c>connection_init</c>, its <c>type</c>, <c>id</c> and <c>payload</c> read already.</summary>
    protected abstract Task HandleAsync(string type, string? id, JsonElement payload);

    /// <summary>A message that breaks the protocol.</summary>
    protected abstract ValueTask InvalidMessageAsync(string reason);

    /// <summary>Periodic messages the protocol asks the server for, until <see cref="WebSocketConnection.Ending"/>.</summary>
    protected virtual Task KeepAliveAsync() => Task.CompletedTask;

    /// <summary>
    /// <c>connection_init</c>: the first one signs in with its token and is acknowledged; a refused
    /// token ends the connection as the protocol says; any later one closes the socket (4429).
    /// </summary>
    private async Task InitializeAsync(JsonElement payload)
    {
        if (!BeginInitialisation())
            return;
        if (await AuthenticateAsync(payload).ConfigureAwait(false) is not { } signedIn)
        {
            await RefuseTokenAsync().ConfigureAwait(false);
            return;
        }
        SignIn(signedIn);
        await AcknowledgeAsync().ConfigureAwait(false);
    }

    /// <summary>Answers a <c>connection_init</c> whose token is not accepted.</summary>
    protected abstract ValueTask RefuseTokenAsync();

    /// <summary>Answers an accepted <c>connection_init</c>.</summary>
    protected abstract ValueTask AcknowledgeAsync();

    private bool BeginInitialisation()
    {
        if (Interlocked.CompareExchange(ref _initState, (int)ConnectionInitState.Authenticating, (int)ConnectionInitState.WaitingForInit)
            == (int)ConnectionInitState.WaitingForInit)
            return true;
        Connection.Close(CloseCodes.TooManyRequests, "Too many initialisation requests");
        return false;
    }

    /// <summary>The user a <c>connection_init</c> payload signs in, or null when its token is not accepted.</summary>
    private async ValueTask<ClaimsPrincipal?> AuthenticateAsync(JsonElement payload)
    {
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return null;
        var token = AccessTokens.FromConnectionParams(payload);
        if (token is null)
            return _user; // what the upgrade request carried, if anything
        if (token.Length == 0 || Services.Authenticator is null)
            return null;
        var user = await Services.Authenticator.AuthenticateAsync(token, Connection.Ending).ConfigureAwait(false);
        return AccessTokens.IsSignedIn(user) ? user : null;
    }

    private void SignIn(ClaimsPrincipal user)
    {
        _user = user;
        if (AccessTokens.IsSignedIn(user) && AccessTokens.ExpiresAt(user) is { } expiresAt)
            _expiry = Services.Clock.CreateTimer(_ => Expire(user), null, Streaming.Until(expiresAt, Services.Clock), Timeout.InfiniteTimeSpan);
        Volatile.Write(ref _initState, (int)ConnectionInitState.Acknowledged);
    }

    /// <summary>A new operation under <paramref name="id"/>; null when one with that id runs already.</summary>
    protected WebSocketOperation? TryAdd(string id)
    {
        var operation = new WebSocketOperation(id, _user);
        return _operations.TryAdd(id, operation) ? operation : null;
    }

    /// <summary>A new operation under <paramref name="id"/>, stopping one that runs under it already.</summary>
    protected WebSocketOperation Replace(string id)
    {
        Stop(id);
        var operation = new WebSocketOperation(id, _user);
        _operations[id] = operation;
        return operation;
    }

    /// <summary>Stops the operation the client ends (<c>complete</c>, <c>stop</c>), if it still runs.</summary>
    protected void Stop(string? id)
    {
        if (id is not null && _operations.TryRemove(id, out var operation))
            operation.Stop();
    }

    /// <summary>Runs <paramref name="operation"/> on its own, unless the connection runs as many as it may already.</summary>
    protected async ValueTask StartAsync(WebSocketOperation operation, GraphQLRequest request)
    {
        var max = Services.Options.MaxOperationsPerConnection;
        if (_operations.Count > max && _operations.TryRemove(operation.Id, out _))
        {
            if (Interlocked.Increment(ref _refusedOperations) > MaxRefusedOperations)
            {
                Connection.Close(CloseCodes.PolicyViolation, $"Too many operations: at most {max} at once.");
                return;
            }
            var tooMany = new ExecutionError($"A connection may run at most {max} operations at once.") { Code = ErrorCodes.TooManyOperations };
            await Connection.ReplyAsync(ResultFormatter.Message(ResultTypes.Error, operation.Id, Services.Formatter.Errors([tooMany]))).ConfigureAwait(false);
            return;
        }
        _ = Task.Run(() => RunOperationAsync(operation, request));
    }

    internal void SendNext(WebSocketOperation operation, ExecutionResult result)
        => Connection.Send(ResultFormatter.Message(ResultTypes.Next, operation.Id, Services.Formatter.Result(result)), operation.Pacer);

    internal void SendError(WebSocketOperation operation, IEnumerable<ExecutionError> errors)
    {
        if (Finish(operation))
            Connection.Send(ResultFormatter.Message(ResultTypes.Error, operation.Id, Services.Formatter.Errors(errors)));
    }

    internal void SendComplete(WebSocketOperation operation)
    {
        if (Finish(operation))
            Connection.Send(ResultFormatter.Message(ResultTypes.Complete, operation.Id));
    }

    private async Task OnMessageAsync(ReadOnlyMemory<byte> text, bool isText)
    {
        using var message = ProtocolMessage.Read(text, isText);
        if (message.Problem is { } problem)
            await InvalidMessageAsync(problem).ConfigureAwait(false);
        else if (message.Type == ConnectionInit)
            await InitializeAsync(message.Payload).ConfigureAwait(false);
        else
            await HandleAsync(message.Type!, message.Id, message.Payload).ConfigureAwait(false);
    }

    private async Task RunOperationAsync(WebSocketOperation operation, GraphQLRequest request)
    {
        // Each operation is a trace of its own, linked to the connection's (which may last for hours).
        var connection = Activity.Current;
        Activity.Current = null;
        using var span = GraphQLTelemetry.Source.StartActivity(ActivityKind.Server, default(ActivityContext),
            links: connection is null ? null : [new ActivityLink(connection.Context)], name: "GraphQL WebSocket operation");
        span?.SetTag("graphql.websocket.operation.id", operation.Id);
        try
        {
            var (refused, _) = await RequestExecution.ResolveDocumentAsync(Services.TrustedDocuments, request, operation.User, operation.Cancellation.Token)
                .ConfigureAwait(false);
            if (refused is not null)
            {
                SendError(operation, [refused]);
                return;
            }
            ExecutionResult result;
            // A scope per operation: request-scoped services (DataLoader caches) never outlive it.
            await using (var scope = Services.Scopes.CreateAsyncScope())
            {
                var options = RequestExecution.Options(request, operation.User, scope.ServiceProvider, AllowedOperationsRule.Streaming,
                    operation.Cancellation.Token, operation.Pacer);
                result = await Services.Executer.ExecuteAsync(options).ConfigureAwait(false);
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                var subscription = streams.Values.First().Subscribe(new OperationObserver(this, operation));
                if (!operation.Attach(subscription))
                    subscription.Dispose(); // completed by the client while it was starting
                return;
            }
            if (!Finish(operation))
                return;
            if (!result.Executed || RequestExecution.IsSubscription(result))
            {
                await Connection.ReplyAsync(ResultFormatter.Message(ResultTypes.Error, operation.Id, Services.Formatter.Errors(result.Errors ?? []))).ConfigureAwait(false);
                return;
            }
            await Connection.ReplyAsync(ResultFormatter.Message(ResultTypes.Next, operation.Id, Services.Formatter.Result(result))).ConfigureAwait(false);
            await Connection.ReplyAsync(ResultFormatter.Message(ResultTypes.Complete, operation.Id)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            // Completed by the client, or the connection ended.
        }
        catch (Exception ex)
        {
            LogOperationFailed(Services.Logger, ex, operation.Id);
            SendError(operation, [new ExecutionError(MaskingErrorInfoProvider.UnexpectedMessage) { Code = ErrorCodes.UnexpectedExecutionError }]);
        }
    }

    /// <summary>Removes a running operation; false when someone else already did (client complete, expiry).</summary>
    private bool Finish(WebSocketOperation operation)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation)))
            return false;
        operation.Stop();
        return true;
    }

    /// <summary>The token ran out: what it started ends with an error; the connection goes on, signed out.</summary>
    private void Expire(ClaimsPrincipal user)
    {
        _user = Anonymous;
        ExecutionError[] expired = [Streaming.TokenExpired()];
        foreach (var operation in _operations.Values.Where(o => ReferenceEquals(o.User, user)))
            SendError(operation, expired);
    }

    private void StopAll()
    {
        foreach (var operation in _operations.Values)
            operation.Stop();
        _operations.Clear();
        _expiry?.Dispose();
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(Services.Options.ConnectionInitTimeout, Services.Clock, Connection.Ending).ConfigureAwait(false);
            if (Volatile.Read(ref _initState) == (int)ConnectionInitState.WaitingForInit)
                Connection.Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
            // Over before the time ran out.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket operation {OperationId} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string operationId);
}
