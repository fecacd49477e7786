using StackExchange.Redis;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Automatic persisted queries every instance shares, in Redis for <see cref="Lifetime"/> after their
/// last registration, with this process's own as a near cache and as the fallback while Redis is
/// away (a client whose hash is unknown just sends the query again, as the protocol expects).
/// </summary>
public sealed class RedisAutomaticPersistedQueryStore(IConnectionMultiplexer redis, string keyPrefix, InMemoryAutomaticPersistedQueryStore local)
    : IAutomaticPersistedQueryStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Longer queries are remembered by this instance only, so no client can fill the shared Redis with them.</summary>
    public const int MaxSharedLength = 32 * 1024;

    public async ValueTask<string?> TryReadAsync(string hash, CancellationToken cancellationToken)
    {
        if (await local.TryReadAsync(hash, cancellationToken).ConfigureAwait(false) is { } known)
            return known;
        try
        {
            var shared = (string?)await redis.GetDatabase().StringGetAsync(Key(hash)).ConfigureAwait(false);
            if (shared is not null)
                await local.SaveAsync(hash, shared, cancellationToken).ConfigureAwait(false);
            return shared;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask SaveAsync(string hash, string query, CancellationToken cancellationToken)
    {
        await local.SaveAsync(hash, query, cancellationToken).ConfigureAwait(false);
        if (query.Length > MaxSharedLength)
            return;
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(hash), query, Lifetime).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Remembered here only: another instance asks the client for the query once more.
        }
    }

    private RedisKey Key(string hash) => keyPrefix + hash;
}
