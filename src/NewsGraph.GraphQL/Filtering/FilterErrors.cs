using GraphQL;

namespace NewsGraph.GraphQL.Filtering;

public static class FilterErrors
{
    public const string NullNotSupportedCode = "HC0026";

    public static ExecutionError NullNotSupported(string operation, string filterType, string expectedType)
        => new($"The provided value for filter `{operation}` of type {filterType} is invalid. Null values are not supported.")
        {
            Code = NullNotSupportedCode,
            Extensions = new() { ["expectedType"] = expectedType, ["filterType"] = filterType },
        };
}
