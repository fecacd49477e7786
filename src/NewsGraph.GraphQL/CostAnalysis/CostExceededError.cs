using GraphQL.Validation;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.CostAnalysis;

public sealed class CostExceededError : ValidationError
{
    public CostExceededError(string message, Dictionary<string, object?> extensions)
        : base(message)
    {
        Code = ErrorCodes.CostExceeded;
        Extensions = extensions;
    }
}
