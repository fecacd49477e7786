using GraphQL.DataLoader;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.DataLoader;

/// <summary>
/// Collects the keys that resolvers ask for while the execution strategy works through one level
/// of the result, then fetches them in one call when the first result is awaited. GraphQL.NET
/// awaits <see cref="IDataLoaderResult"/>s only after every other pending field of the level has
/// run, so a list of 50 articles asking for their authors costs one fetch, not 50.
/// Register loaders as scoped services: results are cached per request, per key.
/// Thread-safe, as the parallel execution strategy calls it from several threads.
/// A loader whose values do not depend on the caller passes <see cref="SharedFetches"/>, and its
/// batches then share fetches with those of concurrent requests.
/// </summary>
public abstract class DataLoaderBase<TKey, TValue>
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Result> _cache;
    private readonly SharedFetches? _shared;
    private readonly string _kind;
    private readonly string _name;
    private string? _spanName;
    private Batch? _pending;

    /// <param name="shared">Given, batches share fetches with other requests' batches of the same <paramref name="kind"/>.</param>
    /// <param name="kind">What makes fetches interchangeable; by default the loader's type.</param>
    /// <param name="name">What traces and metrics call it; by default the loader's type name.</param>
    protected DataLoaderBase(IEqualityComparer<TKey>? comparer = null, SharedFetches? shared = null, string? kind = null, string? name = null)
    {
        _cache = new Dictionary<TKey, Result>(comparer);
        _shared = shared;
        _kind = kind ?? GetType().FullName!;
        _name = name ?? GetType().Name;
    }

    /// <summary>Queues <paramref name="key"/>; the fetch runs when the engine awaits the result.</summary>
    public IDataLoaderResult<TValue> LoadAsync(TKey key)
    {
        lock (_gate)
        {
            // A cached result keeps its batch: awaiting it must dispatch that batch if nothing has yet.
            if (_cache.TryGetValue(key, out var cached))
                return cached;
            _pending ??= new Batch(this);
            var result = new Result(_pending, _pending.Add(key));
            _cache[key] = result;
            return result;
        }
    }

    /// <summary>Fetches the values of all <paramref name="keys"/> (distinct) in one round trip.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key that <see cref="FetchAsync"/> did not return.</summary>
    protected abstract TValue ValueForMissingKey(TKey key);

    private sealed class Batch : IPendingBatch
    {
        private readonly DataLoaderBase<TKey, TValue> _loader;
        private readonly List<TKey> _keys = [];
        private readonly TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> _fetched =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _dispatched;

        public Batch(DataLoaderBase<TKey, TValue> loader)
        {
            _loader = loader;
            Pending = PendingBatches.Current;
            Pending?.Add(this);
        }

        /// <summary>The execution's other batches, started with this one.</summary>
        public PendingBatches? Pending { get; }

        public Task<TValue> Add(TKey key)
        {
            _keys.Add(key);
            return ValueAsync(key);
        }

        private async Task<TValue> ValueAsync(TKey key)
        {
            var values = await _fetched.Task.ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : _loader.ValueForMissingKey(key);
        }

        public void Dispatch(CancellationToken cancellationToken)
        {
            lock (_loader._gate)
            {
                if (_dispatched)
                    return;
                _dispatched = true;
                if (ReferenceEquals(_loader._pending, this))
                    _loader._pending = null;
            }
            _ = RunAsync(cancellationToken);
        }

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            GraphQLTelemetry.DataLoaderBatchSize.Record(_keys.Count, new KeyValuePair<string, object?>("graphql.dataloader.name", _loader._name));
            // The span's name is built only when someone listens (tracing on), once a loader.
            using var span = GraphQLTelemetry.Source.HasListeners() ? GraphQLTelemetry.Source.StartActivity(_loader._spanName ??= "DataLoader " + _loader._name) : null;
            if (span is { IsAllDataRequested: true })
            {
                span.SetTag("graphql.dataloader.name", _loader._name);
                span.SetTag("graphql.dataloader.batch.size", _keys.Count);
            }
            try
            {
                var values = _loader._shared is { } shared
                    ? await shared.FetchAsync(_loader._kind, _keys, _loader.FetchAsync, cancellationToken).ConfigureAwait(false)
                    : await _loader.FetchAsync(_keys, cancellationToken).ConfigureAwait(false);
                _fetched.TrySetResult(values);
            }
            catch (OperationCanceledException ex)
            {
                _fetched.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                _fetched.TrySetException(ex);
            }
        }
    }

    private sealed class Result(Batch batch, Task<TValue> value) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            batch.Dispatch(cancellationToken);
            batch.Pending?.DispatchAll(cancellationToken);
            return value;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
