namespace NewsGraph.GraphQL.Paging;

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
