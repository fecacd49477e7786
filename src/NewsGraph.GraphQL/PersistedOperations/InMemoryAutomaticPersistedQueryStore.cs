using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>The most recently used automatic persisted queries of this process, up to <see cref="TrustedDocumentOptions.CacheSize"/>.</summary>
public sealed class InMemoryAutomaticPersistedQueryStore(IOptions<TrustedDocumentOptions> options) : IAutomaticPersistedQueryStore, IDisposable
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheSize });

    public ValueTask<string?> TryReadAsync(string hash, CancellationToken cancellationToken)
        => ValueTask.FromResult(_queries.Get<string>(hash));

    public ValueTask SaveAsync(string hash, string query, CancellationToken cancellationToken)
    {
        _queries.Set(hash, query, new MemoryCacheEntryOptions { Size = Execution.DocumentCache.SizeOf(query) });
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _queries.Dispose();
}
