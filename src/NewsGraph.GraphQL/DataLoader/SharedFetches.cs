using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.DataLoader;

/// <summary>
/// Lets the DataLoader batches of concurrent requests share fetches. While a fetch of one kind
/// runs, batches of that kind from other requests wait, and the next fetch takes all their keys
/// at once; a batch that finds no fetch of its kind running starts one straight away, so a lone
/// request waits for nothing (see <see cref="SharedRuns"/>). Each statement has a fixed cost
/// (building, translating and preparing it) that then buys the keys of many requests instead of one.
/// Only for fetches whose result for a key is the same whoever asks: a loader opts in by passing
/// this service to its base class (or a field with <c>SameForEveryCaller</c>). Registered as a
/// singleton; one per application, so two applications in one process never share.
/// </summary>
public sealed class SharedFetches
{
    private readonly SharedRuns _runs = new();

    /// <summary>Kinds with a fetch running or waiting (idle kinds are dropped).</summary>
    public int ActiveKinds => _runs.ActiveKinds;

    /// <summary>
    /// The values of <paramref name="keys"/>, from a fetch of <paramref name="kind"/> that may also
    /// serve other callers' keys (so the result may hold more keys than asked for). Waiting callers
    /// stop waiting when <paramref name="cancellationToken"/> fires; the fetch serving others goes on.
    /// </summary>
    public Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync<TKey, TValue>(
        string kind,
        IReadOnlyList<TKey> keys,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        CancellationToken cancellationToken)
        where TKey : notnull
        => _runs.RunAsync(kind, new Batch<TKey, TValue>(keys, fetch),
            static (batch, token) => batch.Fetch(batch.Keys, token),
            static batches =>
            {
                var keys = new List<TKey>();
                var seen = new HashSet<TKey>();
                foreach (var batch in batches)
                {
                    foreach (var key in batch.Keys)
                    {
                        if (seen.Add(key))
                            keys.Add(key);
                    }
                }
                return batches[0].Fetch(keys, CancellationToken.None);
            },
            cancellationToken);

    private sealed record Batch<TKey, TValue>(
        IReadOnlyList<TKey> Keys,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> Fetch);
}
