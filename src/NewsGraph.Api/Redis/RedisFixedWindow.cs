using StackExchange.Redis;

namespace NewsGraph.Api.Redis;

/// <summary>
/// A fixed-window counter in Redis that every instance shares: one atomic script counts a hit and
/// starts the window's expiry with the first one.
/// </summary>
public sealed class RedisFixedWindow(IConnectionMultiplexer redis, string keyPrefix)
{
    private const string HitScript = """
        local hits = redis.call('INCR', KEYS[1])
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          left = tonumber(ARGV[1])
        end
        return { hits, left }
        """;

    /// <summary>Counts a hit on <paramref name="key"/>; null when Redis cannot be reached.</summary>
    public async Task<(long Hits, TimeSpan Left)?> HitAsync(string key, TimeSpan window)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                HitScript, [(RedisKey)(keyPrefix + key)], [(long)window.TotalMilliseconds]))!;
            return ((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }
}
