using System.Collections.Concurrent;

namespace NewsGraph.GraphQL.DataLoader;

/// <summary>
/// Lets the DataLoader batches of concurrent requests share fetches. While a fetch of one kind
/// runs, batches of that kind from other requests wait, and the next fetch takes all their keys
/// at once; a batch that finds no fetch of its kind running starts one straight away, so a lone
/// request waits for nothing. Each statement has a fixed cost (building, translating and preparing
/// it) that then buys the keys of many requests instead of one.
/// Only for fetches whose result for a key is the same whoever asks: a loader opts in by passing
/// this service to its base class (or a field with <c>SameForEveryCaller</c>). Registered as a
/// singleton; one per application, so two applications in one process never share.
/// </summary>
public sealed class SharedFetches
{
    private readonly ConcurrentDictionary<string, object> _kinds = new(StringComparer.Ordinal);

    /// <summary>Kinds with a fetch running or waiting (idle kinds are dropped).</summary>
    public int ActiveKinds => _kinds.Count;

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
    {
        var queue = (Kind<TKey, TValue>)_kinds.GetOrAdd(kind, static _ => new Kind<TKey, TValue>());
        return queue.FetchAsync(this, kind, keys, fetch, cancellationToken);
    }

    private sealed class Kind<TKey, TValue>
        where TKey : notnull
    {
        private readonly object _gate = new();
        private List<Waiter> _waiting = [];
        private bool _running;

        public async Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(
            SharedFetches owner, string kind, IReadOnlyList<TKey> keys,
            Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
            CancellationToken cancellationToken)
        {
            Waiter? waiter = null;
            lock (_gate)
            {
                if (_running)
                    _waiting.Add(waiter = new Waiter(keys, fetch));
                else
                    _running = true;
            }
            if (waiter is not null)
                return await waiter.Values.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await fetch(keys, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                HandOver(owner, kind);
            }
        }

        /// <summary>Starts the fetch for everyone who queued meanwhile, or marks the kind idle.</summary>
        private void HandOver(SharedFetches owner, string kind)
        {
            List<Waiter> next;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    // A caller that took this instance just before it left the map still gets served:
                    // it finds the kind idle and fetches on its own.
                    owner._kinds.TryRemove(new KeyValuePair<string, object>(kind, this));
                    return;
                }
                next = _waiting;
                _waiting = [];
            }
            _ = Task.Run(() => FetchForAsync(next, owner, kind));
        }

        private async Task FetchForAsync(List<Waiter> waiters, SharedFetches owner, string kind)
        {
            try
            {
                var keys = new List<TKey>();
                var seen = new HashSet<TKey>();
                foreach (var waiter in waiters)
                {
                    foreach (var key in waiter.Keys)
                    {
                        if (seen.Add(key))
                            keys.Add(key);
                    }
                }
                // No caller's token: the fetch serves all of them, and each stops waiting on its own.
                var values = await waiters[0].Fetch(keys, CancellationToken.None).ConfigureAwait(false);
                foreach (var waiter in waiters)
                    waiter.Values.TrySetResult(values);
            }
            catch (Exception ex)
            {
                foreach (var waiter in waiters)
                    waiter.Values.TrySetException(ex);
            }
            finally
            {
                HandOver(owner, kind);
            }
        }

        private sealed class Waiter(
            IReadOnlyList<TKey> keys, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        {
            public IReadOnlyList<TKey> Keys { get; } = keys;

            public Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> Fetch { get; } = fetch;

            public TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> Values { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
