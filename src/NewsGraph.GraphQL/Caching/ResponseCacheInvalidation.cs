using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Drops this instance's response cache entries for every purge raised on the event bus,
/// whichever instance (or command) made the change. While the bus cannot be listened to (Redis
/// away), purges may be missed, so the cache is emptied and listening starts again.
/// </summary>
public sealed partial class ResponseCacheInvalidation(ResponseCache cache, IEventBus events, ILogger<ResponseCacheInvalidation> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var purges = events.Subscribe<CachePurged>(CachePurged.Topic);
                delay = TimeSpan.FromMilliseconds(250);
                await foreach (var purge in purges.ReadAllAsync(stoppingToken))
                    cache.Invalidate(purge.Keys);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (EventBusUnavailableException ex)
            {
                LogUnavailable(logger, ex.Message);
            }
            cache.Clear();
            await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot hear purges from other instances ({Reason}); the response cache is emptied and listening starts again")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
