using GraphQL;

namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// Something the request needs (a database, a message broker) cannot be reached: the request is
/// answered at once with this error and HTTP 503, and may be retried in a moment.
/// </summary>
public sealed class ServiceUnavailableError : ExecutionError, IHasStatusCode
{
    public ServiceUnavailableError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public int StatusCode => 503;
}
