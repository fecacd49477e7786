using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Events;

namespace NewsGraph.GraphQL.Purging;

/// <summary>
/// Purges what a change made stale, by key (<see cref="ResponseKeys"/>): this instance's response
/// cache at once; the event (<see cref="CachePurged"/>) on the bus, so every instance drops its
/// own entries; and the configured caches (<see cref="CachePurgeOptions.Targets"/>), each through
/// its own queue, retried with backoff and logged. Only the instance that made the change calls
/// this, after saving it, so each purge is sent once however many instances run.
/// </summary>
public sealed partial class CachePurger : IAsyncDisposable
{
    private readonly IReadOnlyList<PurgeQueue> _queues;
    private readonly ResponseCache? _responseCache;
    private readonly IEventBus _events;
    private readonly CachePurgeOptions _options;
    private readonly ILogger<CachePurger> _logger;
    private readonly TimeProvider _clock;

    public CachePurger(
        IOptions<CachePurgeOptions> options, IHttpClientFactory http, IEventBus events, ILogger<CachePurger> logger,
        TimeProvider? clock = null, ResponseCache? responseCache = null)
    {
        _options = options.Value;
        _events = events;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _responseCache = responseCache;
        _queues = [.. _options.Targets.Select(target => new PurgeQueue(
            new PurgeTarget(target, http.CreateClient(HttpClientName)), _options, logger, _clock))];
    }

    public const string HttpClientName = "NewsGraph.CachePurge";

    /// <summary>Purges <paramref name="keys"/>; <paramref name="reason"/> says why, for the logs and webhooks (<c>article 41 corrected</c>).</summary>
    /// <remarks>Returns once the local cache is purged and the event raised; the targets are sent to in the background (<see cref="FlushAsync"/>).</remarks>
    public async Task PurgeAsync(IEnumerable<string> keys, string reason, CancellationToken cancellationToken = default)
    {
        string[] distinct = [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (distinct.Length == 0)
            return;
        var dropped = _responseCache?.Invalidate(distinct) ?? 0;
        LogPurging(_logger, reason, distinct.Length, dropped, distinct);
        foreach (var queue in _queues)
            queue.Enqueue(distinct, reason);
        await _events.PublishAsync(CachePurged.Topic, new CachePurged(distinct, reason, _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every purge so far has been sent or given up (a command waits for it before it exits).</summary>
    public Task FlushAsync() => Task.WhenAll(_queues.Select(q => q.IdleAsync()));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_queues.Select(q => q.StopAsync(_options.ShutdownTimeout))).ConfigureAwait(false);
        foreach (var queue in _queues)
            queue.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purging {Count} keys ({Reason}); {Dropped} cached responses dropped here: {Keys}")]
    private static partial void LogPurging(ILogger logger, string reason, int count, int dropped, IReadOnlyList<string> keys);
}
