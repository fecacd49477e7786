using GraphQL.Validation;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

public sealed class OperationNotAllowedError : ValidationError, IHasStatusCode
{
    public OperationNotAllowedError(string message, int statusCode)
        : base(message)
    {
        Code = ErrorCodes.OperationNotAllowed;
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
