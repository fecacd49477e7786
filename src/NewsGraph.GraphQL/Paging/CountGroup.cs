namespace NewsGraph.GraphQL.Paging;

public sealed class CountGroup<TKey>
{
    public required TKey Key { get; init; }
    public required int Count { get; init; }
}
