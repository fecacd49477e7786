using System.Security.Claims;
using System.Text.Json;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Transport.WebSockets.SubscriptionsTransportWs;

/// <summary>
/// The legacy subscriptions-transport-ws protocol, for older Apollo clients: bad messages get a
/// <c>connection_error</c> and the socket stays open, and the server sends <c>ka</c> keep-alives.
/// </summary>
internal sealed class ApolloSubscriptionServer(WebSocketConnection connection, ClaimsPrincipal user, WebSocketServices services)
    : SubscriptionServer(connection, user, services)
{
    protected override (string Next, string Error, string Complete) ResultTypes => (MessageType.Data, MessageType.Error, MessageType.Complete);

    protected override async Task HandleAsync(string type, string? id, JsonElement payload)
    {
        switch (type)
        {
            case MessageType.Start:
                await StartAsync(id, payload).ConfigureAwait(false);
                return;
            case MessageType.Stop:
                Stop(id);
                return;
            case MessageType.ConnectionTerminate:
                Connection.Close(CloseCodes.Normal, "");
                return;
            default:
                await Connection.ReplyAsync(ResultFormatter.Message(MessageType.Error, id, ErrorObject($"Unknown message type `{type}`.", ErrorCodes.RequestInvalid)))
                    .ConfigureAwait(false);
                return;
        }
    }

    protected override async ValueTask RefuseTokenAsync()
    {
        await Connection.ReplyAsync(ResultFormatter.Message(MessageType.ConnectionError,
            payloadJson: ErrorObject("Forbidden: the access token is invalid or has expired.", ErrorCodes.AuthNotAuthenticated))).ConfigureAwait(false);
        Connection.Close(CloseCodes.Forbidden, "Forbidden");
    }

    protected override async ValueTask AcknowledgeAsync()
    {
        await Connection.ReplyAsync(ResultFormatter.Message(MessageType.ConnectionAck)).ConfigureAwait(false);
        await Connection.ReplyAsync(ResultFormatter.Message(MessageType.KeepAlive)).ConfigureAwait(false);
    }

    protected override ValueTask InvalidMessageAsync(string reason)
        => Connection.ReplyAsync(ResultFormatter.Message(MessageType.ConnectionError, payloadJson: ErrorObject(reason, ErrorCodes.RequestInvalid)));

    protected override async Task KeepAliveAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(Services.Options.KeepAliveInterval, Services.Clock, Connection.Ending).ConfigureAwait(false);
                if (IsAcknowledged)
                    Connection.Send(ResultFormatter.Message(MessageType.KeepAlive));
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private async Task StartAsync(string? id, JsonElement payload)
    {
        if (string.IsNullOrEmpty(id))
        {
            await InvalidMessageAsync("`start` needs a string `id`.").ConfigureAwait(false);
            return;
        }
        if (!IsAcknowledged)
        {
            await Connection.ReplyAsync(ResultFormatter.Message(MessageType.Error, id, ErrorObject("Send connection_init and wait for connection_ack first.", ErrorCodes.RequestInvalid)))
                .ConfigureAwait(false);
            return;
        }
        var (request, error) = Services.Reader.ReadObject(payload);
        if (error is not null)
        {
            await Connection.ReplyAsync(ResultFormatter.Message(MessageType.Error, id, Services.Formatter.Errors([error]))).ConfigureAwait(false);
            return;
        }
        // Apollo's server replaces an operation started again under the same id.
        await StartAsync(Replace(id), request!).ConfigureAwait(false);
    }

    /// <summary>A protocol error as Apollo's clients read it (<c>message</c>), with a code like every other error.</summary>
    private static string ErrorObject(string message, string code)
        => JsonSerializer.Serialize(new { message, extensions = new { code } });
}
