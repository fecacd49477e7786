namespace NewsGraph.GraphQL.Paging;

/// <summary>The rows of one parent in a batched query.</summary>
public sealed class RowGroup<TKey, TRow>
{
    public required TKey Key { get; init; }
    public required List<TRow> Rows { get; init; }
}
