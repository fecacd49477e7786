namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>Close codes of graphql-transport-ws, also used for the legacy protocol's equivalent failures.</summary>
internal static class CloseCodes
{
    public const int Normal = 1000;
    public const int PolicyViolation = 1008;
    public const int MessageTooBig = 1009;
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c> (the protocol's meaning), and messages faster than allowed.</summary>
    public const int TooManyRequests = 4429;
}
