using GraphQL;

namespace NewsGraph.GraphQL.Paging;

/// <summary>Hot Chocolate's paging errors: same codes, messages and extensions.</summary>
public static class PagingErrors
{
    public static ExecutionError MaxPageSizeExceeded(string coordinate, int requested, int max)
        => new("The maximum allowed items per page were exceeded.")
        {
            Code = "HC0051",
            Extensions = new() { ["coordinate"] = coordinate, ["requestedItems"] = requested, ["maxAllowedItems"] = max },
        };

    public static ExecutionError NegativePageSize(string coordinate, int requested)
        => new("The requested number of values per page must be at least 0.")
        {
            Code = "HC0079",
            Extensions = new() { ["coordinate"] = coordinate, ["requestedItems"] = requested },
        };

    public static ExecutionError InvalidCursor(string argument, string cursor)
        => new($"The cursor specified in `{argument}` has an invalid format.")
        {
            Code = "HC0078",
            Extensions = new() { ["argument"] = argument, ["cursor"] = cursor },
        };

    public static ExecutionError FirstAndLast(string coordinate)
        => new("Exactly one slicing argument must be defined: `first` or `last`, not both.")
        {
            Code = "HC0082",
            Extensions = new() { ["coordinate"] = coordinate },
        };
}
