namespace NewsGraph.GraphQL.Transport.WebSockets.SubscriptionsTransportWs;

/// <summary>The message types of Apollo's legacy subscriptions-transport-ws.</summary>
internal static class MessageType
{
    public const string ConnectionAck = "connection_ack";
    public const string ConnectionError = "connection_error";
    public const string ConnectionTerminate = "connection_terminate";
    public const string KeepAlive = "ka";
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Data = "data";
    public const string Error = "error";
    public const string Complete = "complete";
}
