namespace NewsGraph.GraphQL.Transport.WebSockets.GraphQLTransportWs;

/// <summary>The message types of graphql-transport-ws.</summary>
internal static class MessageType
{
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}
