using System.Security.Claims;
using System.Text.Json;

namespace NewsGraph.GraphQL.Transport.WebSockets.GraphQLTransportWs;

/// <summary>graphql-transport-ws: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md</summary>
internal sealed class TransportWsSubscriptionServer(WebSocketConnection connection, ClaimsPrincipal user, WebSocketServices services)
    : SubscriptionServer(connection, user, services)
{
    protected override (string Next, string Error, string Complete) ResultTypes => (MessageType.Next, MessageType.Error, MessageType.Complete);

    protected override async Task HandleAsync(string type, string? id, JsonElement payload)
    {
        switch (type)
        {
            case MessageType.Ping:
                await Connection.ReplyAsync(ResultFormatter.Message(MessageType.Pong)).ConfigureAwait(false);
                return;
            case MessageType.Pong:
                return;
            case MessageType.Subscribe:
                await SubscribeAsync(id, payload).ConfigureAwait(false);
                return;
            case MessageType.Complete:
                Stop(id);
                return;
            default:
                await InvalidMessageAsync($"Unknown message type `{type}`.").ConfigureAwait(false);
                return;
        }
    }

    protected override ValueTask RefuseTokenAsync()
    {
        Connection.Close(CloseCodes.Forbidden, "Forbidden: the access token is invalid or has expired.");
        return default;
    }

    protected override ValueTask AcknowledgeAsync() => Connection.ReplyAsync(ResultFormatter.Message(MessageType.ConnectionAck));

    protected override ValueTask InvalidMessageAsync(string reason)
    {
        Connection.Close(CloseCodes.BadRequest, reason);
        return default;
    }

    private async Task SubscribeAsync(string? id, JsonElement payload)
    {
        if (!IsAcknowledged)
        {
            Connection.Close(CloseCodes.Unauthorized, "Unauthorized: send connection_init and wait for connection_ack first.");
            return;
        }
        if (string.IsNullOrEmpty(id))
        {
            await InvalidMessageAsync("`subscribe` needs a string `id`.").ConfigureAwait(false);
            return;
        }
        var (request, error) = Services.Reader.ReadObject(payload);
        if (error is not null)
        {
            await InvalidMessageAsync($"`subscribe` {id}: {error.Message}").ConfigureAwait(false);
            return;
        }
        if (TryAdd(id) is not { } operation)
        {
            Connection.Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }
        await StartAsync(operation, request!).ConfigureAwait(false);
    }
}
