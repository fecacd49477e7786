using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Redis;

namespace NewsGraph.Api.Feedback;

/// <summary>
/// A fixed window of submissions per client: a signed-in reader is one client, an anonymous one is
/// their IP address. With Redis configured every instance counts in one window, so a client cannot
/// multiply its allowance by the number of instances; while Redis is away each instance counts
/// alone (feedback keeps working). Clients unseen for a while are forgotten, so memory stays bounded.
/// </summary>
public sealed class FeedbackRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _local;
    private readonly RedisFixedWindow? _shared;
    private readonly int _permits;
    private readonly TimeSpan _window;

    public FeedbackRateLimiter(IOptions<FeedbackOptions> options, RedisFixedWindow? shared = null)
    {
        (_permits, _window, _shared) = (options.Value.RateLimitPermits, options.Value.RateLimitWindow, shared);
        _local = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = _permits, Window = _window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Null when <paramref name="client"/> may submit now; otherwise how long to wait.</summary>
    public async ValueTask<TimeSpan?> TryAcquireAsync(string client)
    {
        if (_shared is not null && await _shared.HitAsync("feedback-rate:" + client, _window) is var (hits, left))
            return hits <= _permits ? null : left;
        using var lease = _local.AttemptAcquire(client);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _local.Dispose();
}
