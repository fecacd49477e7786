namespace NewsGraph.GraphQL.Paging;

/// <summary>A page of a connection: its edges, where it sits, and the total when it was asked for.</summary>
public sealed class Connection
{
    public required IReadOnlyList<Edge> Edges { get; init; }
    public required PageInfo PageInfo { get; init; }
    public int? TotalCount { get; init; }

    /// <summary>What the items were selected from (a <c>Fields.ConnectionSource&lt;T&gt;</c>), for fields that aggregate over them.</summary>
    public object? Source { get; init; }

    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);

    public static readonly Connection Empty = new() { Edges = [], PageInfo = new PageInfo(false, false, null, null), TotalCount = 0 };
}
