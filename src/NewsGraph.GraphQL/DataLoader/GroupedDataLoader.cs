namespace NewsGraph.GraphQL.DataLoader;

/// <summary>A list per key (an article's images); a key the fetch did not find gives an empty list.</summary>
public abstract class GroupedDataLoader<TKey, TValue>(IEqualityComparer<TKey>? comparer = null, SharedFetches? shared = null)
    : DataLoaderBase<TKey, IReadOnlyList<TValue>>(comparer, shared)
    where TKey : notnull
{
    protected sealed override IReadOnlyList<TValue> ValueForMissingKey(TKey key) => [];

    /// <summary>Groups rows by key, keeping their order within each group.</summary>
    protected static IReadOnlyDictionary<TKey, IReadOnlyList<TValue>> Group<TRow>(
        IEnumerable<TRow> rows, Func<TRow, TKey> key, Func<TRow, TValue> value)
    {
        var groups = new Dictionary<TKey, IReadOnlyList<TValue>>();
        foreach (var row in rows)
        {
            var k = key(row);
            if (!groups.TryGetValue(k, out var list))
                groups[k] = list = new List<TValue>();
            ((List<TValue>)list).Add(value(row));
        }
        return groups;
    }
}
