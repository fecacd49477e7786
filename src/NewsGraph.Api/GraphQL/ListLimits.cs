using GraphQL;

namespace NewsGraph.Api.GraphQL;

/// <summary>Bounds for the plain lists of the root type: 10 items unless asked, never more than 50.</summary>
public static class ListLimits
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", DefaultPageSize);
        var coordinate = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
        if (first < 0)
        {
            throw new ExecutionError("The requested number of values per page must be at least 0.")
            {
                Code = "HC0079",
                Extensions = new() { ["coordinate"] = coordinate, ["requestedItems"] = first },
            };
        }
        if (first > MaxPageSize)
        {
            throw new ExecutionError("The maximum allowed items per page were exceeded.")
            {
                Code = "HC0051",
                Extensions = new() { ["coordinate"] = coordinate, ["requestedItems"] = first, ["maxAllowedItems"] = MaxPageSize },
            };
        }
        return first;
    }
}
