namespace NewsGraph.GraphQL.Paging;

/// <summary>A fetched item with the values of its sort keys, from which its cursor is made.</summary>
public sealed class KeysetRow<T>
{
    public required T Node { get; init; }
    public required object?[] Keys { get; init; }
}
