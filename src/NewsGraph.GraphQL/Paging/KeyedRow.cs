namespace NewsGraph.GraphQL.Paging;

/// <summary>A row with the parent it belongs to, in a batched query without paging.</summary>
public sealed class KeyedRow<TKey, TRow>
{
    public required TKey Key { get; init; }
    public required TRow Row { get; init; }
}
