namespace NewsGraph.GraphQL.Paging;

public sealed class PageInfo(bool hasNextPage, bool hasPreviousPage, Edge? start, Edge? end)
{
    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => start?.Cursor;

    public string? EndCursor => end?.Cursor;
}
