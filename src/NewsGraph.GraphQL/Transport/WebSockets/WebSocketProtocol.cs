namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// The two GraphQL-over-WebSocket protocols. Mind the names: the sub-protocol
/// <c>graphql-transport-ws</c> is the current one (the npm <c>graphql-ws</c> library's:
/// subscribe/next/complete/ping/pong); <c>graphql-ws</c> is the legacy Apollo
/// subscriptions-transport-ws protocol (start/data/stop/ka).
/// </summary>
internal static class WebSocketProtocol
{
    public const string TransportWs = "graphql-transport-ws";
    public const string Legacy = "graphql-ws";

    /// <summary>Close codes of graphql-transport-ws (also used for the legacy protocol's equivalent failures).</summary>
    public static class CloseCodes
    {
        public const int Normal = 1000;
        public const int MessageTooBig = 1009;
        public const int InternalError = 4500;
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;
    }

    /// <summary>Message types, for each protocol where they differ.</summary>
    public sealed record Messages(string Next, string Error, string Complete)
    {
        public static readonly Messages Current = new("next", "error", "complete");
        public static readonly Messages Apollo = new("data", "error", "complete");
    }
}
