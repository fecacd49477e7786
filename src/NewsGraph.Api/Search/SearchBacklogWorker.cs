using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Search;

/// <summary>
/// Works off the search backlog (<see cref="SearchBacklog"/>) in every server, batch after batch while
/// stories wait, then looks again every <see cref="SearchOptions.BacklogPollInterval"/>. When the backlog
/// has been emptied, cached responses go (the stories are found now that were not before).
/// </summary>
public sealed partial class SearchBacklogWorker(
    SearchBacklog backlog,
    IOptions<SearchOptions> options,
    IOptions<CacheControlOptions> cacheControl,
    CachePurger purger,
    TimeProvider clock,
    ILogger<SearchBacklogWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IndexBacklogInBackground)
            return;
        using var timer = new PeriodicTimer(options.Value.BacklogPollInterval, clock);
        try
        {
            do
            {
                try
                {
                    await WorkOffAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
                {
                    // The database is away, say: the stories stay queued, and the next round tries again.
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a batch is one transaction, so an unfinished one stays queued.
        }
    }

    private async Task WorkOffAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        var indexed = 0;
        int batch;
        while ((batch = await backlog.IndexNextAsync(stoppingToken)) > 0)
            indexed += batch;
        if (indexed == 0)
            return;
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        LogIndexed(logger, indexed, seconds);
        if (cacheControl.Value.AllKey is { Length: > 0 } all)
            await purger.PurgeAsync([all], $"{indexed} stories indexed for search", CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Stories} stories of the search backlog in {Seconds:0.0} s")]
    private static partial void LogIndexed(ILogger logger, int stories, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Working off the search backlog failed; trying again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
