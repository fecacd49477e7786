using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Every editorial change to a story goes through here: a <see cref="VersionedEdit{T}"/> (refused
/// with a <see cref="VersionConflictError"/>, nothing overwritten, when it is not based on the current
/// version), with a revision saying who changed what; once it is saved, the event goes out and, when
/// readers could see the story before or after, the cached responses that show it are purged.
/// </summary>
public sealed class ArticleEditor(
    IDbContextFactory<NewsDbContext> dbFactory, IEventBus events, TimeProvider clock, IOptions<NewsroomOptions> newsroom, CachePurger purger, SectionCatalog sections)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Now, in the newsroom's offset: the time stories published now carry.</summary>
    public DateTimeOffset LocalNow => clock.GetUtcNow().ToOffset(newsroom.Value.UtcOffset);

    public async Task<Payload<Article>> CreateAsync(
        string editor, Func<NewsDbContext, Article, InputValidator, Task<List<string>>> fill, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = new Article { Slug = "", Headline = "", Status = ArticleStatus.Draft, UpdatedAt = Now };
        var check = new InputValidator();
        var changes = await fill(db, article, check);
        if (check.HasErrors)
            return Payload.Failure<Article>(check.Errors);
        article.Revisions.Add(new ArticleRevision { Version = 1, ChangedAt = Now, Editor = editor, Action = "created", Changes = changes });
        db.Articles.Add(article);
        var newSection = AddsSection(db);
        await db.SaveChangesAsync(cancellationToken);
        // A draft is seen by no reader, but a section it brings is listed at once.
        if (newSection)
            await purger.PurgeAsync([ArticleCacheKeys.Sections], $"section added with article {article.Id}", CancellationToken.None);
        return Payload.Success(article);
    }

    public async Task<Payload<Article>> EditAsync(
        int id, int version, string editor, Func<NewsDbContext, Article, InputValidator, Task<ArticleChange>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ArticleChange? result = null;
        (ArticleStatus Status, int SectionId) before = default;
        var newSection = false;
        var payload = await new VersionedEdit<Article>(db, ArticleErrors.Story, id, version).ApplyAsync(
            db.Articles.Include(a => a.Bylines).Include(a => a.Images),
            async (article, check) =>
            {
                before = (article.Status, article.SectionId);
                result = await change(db, article, check);
                return result.Changes.Count > 0;
            },
            cancellationToken,
            stamp: article =>
            {
                newSection = AddsSection(db);
                article.UpdatedAt = Now;
                db.Revisions.Add(new ArticleRevision
                {
                    ArticleId = article.Id, Version = article.Version, ChangedAt = Now, Editor = editor, Action = result!.Action, Changes = result.Changes,
                });
            });
        if (payload is { Succeeded: true, Result: { } saved } && result is { Changes.Count: > 0 })
        {
            if (result.Event is { } kind)
                await PublishAsync(kind, saved, cancellationToken);
            if (before.Status == ArticleStatus.Published || saved.Status == ArticleStatus.Published)
                await PurgeAsync(saved.Id, result.Action, newSection, before.SectionId, saved.SectionId);
            else if (newSection)
                await purger.PurgeAsync([ArticleCacheKeys.Sections], $"section added with article {saved.Id}", CancellationToken.None);
        }
        return payload;
    }

    public async Task<Payload<Article>> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payload = await new VersionedEdit<Article>(db, ArticleErrors.Story, id, version).DeleteAsync(db.Articles, cancellationToken);
        if (payload is { Succeeded: true, Result: { Status: ArticleStatus.Published } deleted })
        {
            await PublishAsync(ArticleEventKind.Withdrawn, deleted, cancellationToken);
            await PurgeAsync(deleted.Id, "deleted", false, deleted.SectionId);
        }
        return payload;
    }

    /// <summary>
    /// Purges what showed the story: the change is saved, so this runs even when the editor has
    /// gone (no request token).
    /// </summary>
    private async Task PurgeAsync(int articleId, string action, bool newSection, params int[] sectionIds)
    {
        var slugs = new List<string?>();
        foreach (var sectionId in sectionIds.Distinct())
            slugs.Add(await sections.SlugAsync(sectionId, CancellationToken.None));
        IEnumerable<string> keys = ArticleCacheKeys.ForChange(articleId, slugs);
        await purger.PurgeAsync(newSection ? keys.Append(ArticleCacheKeys.Sections) : keys, $"article {articleId} {action}");
    }

    private static bool AddsSection(NewsDbContext db) => db.ChangeTracker.Entries<Section>().Any(e => e.State == EntityState.Added);

    private Task PublishAsync(ArticleEventKind kind, Article article, CancellationToken cancellationToken)
        => events.PublishAsync(ArticleEvent.Topic, new ArticleEvent(kind, article.Id, article.SectionId, article.Version, clock.GetUtcNow()), cancellationToken).AsTask();
}
