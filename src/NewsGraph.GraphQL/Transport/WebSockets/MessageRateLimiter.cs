namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// A token bucket over one connection's incoming messages: <paramref name="burst"/> at once, then
/// <paramref name="perSecond"/> a second. Only the receive loop calls it, so it needs no lock.
/// </summary>
internal sealed class MessageRateLimiter(int perSecond, int burst, TimeProvider clock)
{
    private double _tokens = burst;
    private long _last = clock.GetTimestamp();

    /// <summary>Takes one message's token; false when the client sends faster than allowed.</summary>
    public bool TryTake()
    {
        var now = clock.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + clock.GetElapsedTime(_last, now).TotalSeconds * perSecond);
        _last = now;
        if (_tokens < 1)
            return false;
        _tokens--;
        return true;
    }
}
