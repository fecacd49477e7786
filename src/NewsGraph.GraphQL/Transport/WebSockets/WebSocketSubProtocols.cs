namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// The two GraphQL-over-WebSocket sub-protocols. Mind the names: <c>graphql-transport-ws</c> is the
/// current one (the npm <c>graphql-ws</c> library's: subscribe/next/complete/ping/pong);
/// <c>graphql-ws</c> is the legacy Apollo subscriptions-transport-ws protocol (start/data/stop/ka).
/// </summary>
internal static class WebSocketSubProtocols
{
    public const string GraphQLTransportWs = "graphql-transport-ws";
    public const string SubscriptionsTransportWs = "graphql-ws";
}
