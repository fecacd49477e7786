namespace NewsGraph.GraphQL.Paging;

/// <summary>A page of a connection: its edges, where it sits, and the total when it was asked for.</summary>
public sealed class Connection
{
    public required IReadOnlyList<Edge> Edges { get; init; }
    public required PageInfo PageInfo { get; init; }
    public int? TotalCount { get; init; }

    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);

    public static readonly Connection Empty = new() { Edges = [], PageInfo = new PageInfo(false, false, null, null), TotalCount = 0 };
}

/// <summary>
/// A node with its cursor. The cursor is encoded when a client asks for it: most pages ask for
/// <c>nodes</c> only, and encoding a cursor per node was a good part of such a page's garbage.
/// </summary>
public sealed class Edge(object node, Func<string> cursor)
{
    private string? _cursor;

    public object Node { get; } = node;

    public string Cursor => _cursor ??= cursor();
}

public sealed class PageInfo(bool hasNextPage, bool hasPreviousPage, Edge? start, Edge? end)
{
    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => start?.Cursor;

    public string? EndCursor => end?.Cursor;
}

/// <summary>A fetched item with the values of its sort keys, from which its cursor is made.</summary>
public sealed class KeysetRow<T>
{
    public required T Node { get; init; }
    public required object?[] Keys { get; init; }
}

/// <summary>The rows of one parent in a batched query.</summary>
public sealed class RowGroup<TKey, TRow>
{
    public required TKey Key { get; init; }
    public required List<TRow> Rows { get; init; }
}

/// <summary>A row with the parent it belongs to, in a batched query without paging.</summary>
public sealed class KeyedRow<TKey, TRow>
{
    public required TKey Key { get; init; }
    public required TRow Row { get; init; }
}

public sealed class CountGroup<TKey>
{
    public required TKey Key { get; init; }
    public required int Count { get; init; }
}
