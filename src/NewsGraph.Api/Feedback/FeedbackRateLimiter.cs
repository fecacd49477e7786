using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsGraph.Api.Feedback;

/// <summary>
/// A fixed window of submissions per client: a signed-in reader is one client, an anonymous one is
/// their IP address. Clients unseen for a while are forgotten, so memory stays bounded.
/// </summary>
public sealed class FeedbackRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FeedbackRateLimiter(IOptions<FeedbackOptions> options)
    {
        var (permits, window) = (options.Value.RateLimitPermits, options.Value.RateLimitWindow);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>True when <paramref name="client"/> may submit now; otherwise how long to wait.</summary>
    public bool TryAcquire(string client, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
