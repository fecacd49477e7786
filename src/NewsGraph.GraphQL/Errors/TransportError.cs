using GraphQL;

namespace NewsGraph.GraphQL.Errors;

/// <summary>A request the transport refuses before any GraphQL runs, with the HTTP status to send.</summary>
public sealed class TransportError : ExecutionError
{
    public TransportError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}
