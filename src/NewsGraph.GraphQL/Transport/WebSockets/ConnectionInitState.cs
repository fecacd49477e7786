namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>Where a connection is in its <c>connection_init</c> handshake.</summary>
internal enum ConnectionInitState
{
    WaitingForInit,
    Authenticating,
    Acknowledged,
}
