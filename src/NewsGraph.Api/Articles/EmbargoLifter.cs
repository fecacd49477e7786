using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Publishes scheduled stories once their embargo passes, so readers (and the
/// <c>articlePublished</c> subscription) see them within one <see cref="NewsroomOptions.EmbargoCheckInterval"/>.
/// Every instance runs it; a story is published once all the same: the version is the row's
/// concurrency token, so of two instances lifting it together one saves and the other's save
/// changes nothing and raises no event (and sends no purge).
/// </summary>
public sealed partial class EmbargoLifter(
    IDbContextFactory<NewsDbContext> dbFactory,
    IEventBus events,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    CachePurger purger,
    SectionCatalog sections,
    ILogger<EmbargoLifter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EmbargoCheckInterval, clock);
        try
        {
            do
            {
                try
                {
                    await LiftDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
                {
                    // The database is away, say: the host must go on serving, and the next round tries again.
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down (or the host failed to start): nothing is half-done, a lift is one transaction.
        }
    }

    /// <summary>Publishes every scheduled story whose time has come; returns how many.</summary>
    public async Task<int> LiftDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now).ToListAsync(cancellationToken);
        foreach (var article in due)
        {
            article.Status = ArticleStatus.Published;
            article.Version++;
            article.UpdatedAt = now;
            db.Revisions.Add(new ArticleRevision
            {
                ArticleId = article.Id, Version = article.Version, ChangedAt = now, Editor = "embargo", Action = "published", Changes = ["status"],
            });
        }
        if (due.Count == 0)
            return 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An editor changed one of them meanwhile; the next round looks again.
            return 0;
        }
        var stale = new List<string>();
        foreach (var article in due)
        {
            await events.PublishAsync(ArticleEvent.Topic, new ArticleEvent(ArticleEventKind.Published, article.Id, article.SectionId, article.Version, clock.GetUtcNow()), cancellationToken);
            stale.AddRange(ArticleCacheKeys.ForChange(article.Id, await sections.SlugAsync(article.SectionId, CancellationToken.None)));
        }
        await purger.PurgeAsync(stale, $"embargo lifted on {due.Count} {(due.Count == 1 ? "story" : "stories")}", CancellationToken.None);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lifting embargoes failed; trying again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
