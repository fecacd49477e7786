using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Responses to requests that name a trusted document, kept in process and answered again without
/// executing, keyed by the request (document id, variables, operation name), the media type and
/// the caller's partition (<see cref="ResponseCacheOptions.Partition"/>). An entry lives as long
/// as a shared cache may keep it (<c>s-maxage</c>, else <c>max-age</c>) and is dropped at once when
/// one of its keys is purged (<see cref="Invalidate"/>), here or, through the event bus, on another
/// instance.
/// </summary>
/// <remarks>
/// A response executed before a purge must not be stored after it: <see cref="Generation"/> is read
/// before executing and <see cref="Set"/> refuses the entry when a purge came in between.
/// </remarks>
public sealed class ResponseCache
{
    private readonly ConcurrentDictionary<string, CachedResponse> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _insertionOrder = new();
    private readonly Lock _index = new();
    private readonly ResponseCacheOptions _options;
    private readonly TimeProvider _clock;
    private long _generation;
    private long _hits;
    private long _misses;

    public ResponseCache(IOptions<ResponseCacheOptions> options, TimeProvider? clock = null)
    {
        _options = options.Value;
        _clock = clock ?? TimeProvider.System;
    }

    public int Count => _entries.Count;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Raised by every invalidation; read it before executing and hand it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The partition of <paramref name="user"/>, or null when its answers are not kept.</summary>
    public string? PartitionOf(ClaimsPrincipal user) => _options.Partition(user);

    /// <summary>What tells a request's entry apart from others.</summary>
    public static string KeyFor(string partition, string mediaType, string method, string requestText)
        => string.Join('\n', partition, mediaType, method, requestText);

    public bool TryGet(string key, out CachedResponse response)
    {
        if (_entries.TryGetValue(key, out response!) && response.Expires > _clock.GetUtcNow())
        {
            Interlocked.Increment(ref _hits);
            GraphQLTelemetry.ResponseCacheLookups.Add(1, new KeyValuePair<string, object?>("graphql.response_cache.outcome", "hit"));
            return true;
        }
        Interlocked.Increment(ref _misses);
        GraphQLTelemetry.ResponseCacheLookups.Add(1, new KeyValuePair<string, object?>("graphql.response_cache.outcome", "miss"));
        return false;
    }

    /// <summary>Keeps <paramref name="response"/>, unless a purge came since <paramref name="generation"/> or it is too large.</summary>
    public bool Set(string key, CachedResponse response, long generation)
    {
        if (response.Body.Length > _options.MaxEntryBytes)
            return false;
        lock (_index)
        {
            if (Generation != generation)
                return false;
            MakeRoom();
            if (_entries.TryGetValue(key, out var replaced))
                Unindex(key, replaced);
            else
                _insertionOrder.Enqueue(key);
            _entries[key] = response;
            foreach (var entityKey in response.Keys)
            {
                if (!_byKey.TryGetValue(entityKey, out var entries))
                    _byKey[entityKey] = entries = new HashSet<string>(StringComparer.Ordinal);
                entries.Add(key);
            }
            return true;
        }
    }

    /// <summary>Drops every response that depends on one of <paramref name="keys"/>; returns how many.</summary>
    public int Invalidate(IEnumerable<string> keys)
    {
        var dropped = 0;
        lock (_index)
        {
            Interlocked.Increment(ref _generation);
            foreach (var entityKey in keys)
            {
                if (!_byKey.Remove(entityKey, out var entries))
                    continue;
                foreach (var key in entries)
                {
                    if (_entries.TryRemove(key, out var response))
                    {
                        Unindex(key, response);
                        dropped++;
                    }
                }
            }
        }
        return dropped;
    }

    /// <summary>Drops everything (when purges may have been missed).</summary>
    public void Clear()
    {
        lock (_index)
        {
            Interlocked.Increment(ref _generation);
            _entries.Clear();
            _byKey.Clear();
            _insertionOrder.Clear();
        }
    }

    private void MakeRoom()
    {
        // Keys dropped by purges stay in the queue until dequeued; keep it from growing without bound.
        if (_insertionOrder.Count > 2 * _options.MaxEntries)
        {
            _insertionOrder.Clear();
            foreach (var key in _entries.Keys)
                _insertionOrder.Enqueue(key);
        }
        if (_entries.Count < _options.MaxEntries)
            return;
        var now = _clock.GetUtcNow();
        foreach (var (key, response) in _entries)
        {
            if (response.Expires <= now && _entries.TryRemove(key, out _))
                Unindex(key, response);
        }
        while (_entries.Count >= _options.MaxEntries && _insertionOrder.TryDequeue(out var oldest))
        {
            if (_entries.TryRemove(oldest, out var response))
                Unindex(oldest, response);
        }
    }

    private void Unindex(string key, CachedResponse response)
    {
        foreach (var entityKey in response.Keys)
        {
            if (_byKey.TryGetValue(entityKey, out var entries) && entries.Remove(key) && entries.Count == 0)
                _byKey.Remove(entityKey);
        }
    }
}
