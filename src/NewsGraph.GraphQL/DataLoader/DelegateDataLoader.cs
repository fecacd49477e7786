namespace NewsGraph.GraphQL.DataLoader;

/// <summary>A DataLoader whose fetch is a delegate.</summary>
public sealed class DelegateDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue valueForMissingKey,
    SharedFetches? shared = null,
    string? kind = null,
    string? name = null)
    : DataLoaderBase<TKey, TValue>(shared: shared, kind: kind, name: name)
    where TKey : notnull
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => fetch(keys, cancellationToken);

    protected override TValue ValueForMissingKey(TKey key) => valueForMissingKey;
}
