namespace NewsGraph.GraphQL.DataLoader;

/// <summary>One value per key (an entity by its id); a key the fetch did not find gives null.</summary>
public abstract class BatchDataLoader<TKey, TValue>(IEqualityComparer<TKey>? comparer = null, SharedFetches? shared = null)
    : DataLoaderBase<TKey, TValue?>(comparer, shared)
    where TKey : notnull
    where TValue : class
{
    /// <summary>Fetches the values of all <paramref name="keys"/> (distinct) in one round trip.</summary>
    protected abstract Task<Dictionary<TKey, TValue>> FetchByKeysAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected sealed override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => (IReadOnlyDictionary<TKey, TValue?>)await FetchByKeysAsync(keys, cancellationToken).ConfigureAwait(false);

    protected sealed override TValue? ValueForMissingKey(TKey key) => null;
}
