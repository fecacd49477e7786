using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Every editorial change to a story goes through here: a <see cref="VersionedEdit{T}"/> (refused
/// with a <see cref="VersionConflictError"/>, nothing overwritten, when it is not based on the current
/// version), with a revision saying who changed what; the event goes out once it is saved.
/// </summary>
public sealed class ArticleEditor(IDbContextFactory<NewsDbContext> dbFactory, IEventBus events, TimeProvider clock, IOptions<NewsroomOptions> newsroom)
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
        await db.SaveChangesAsync(cancellationToken);
        return Payload.Success(article);
    }

    public async Task<Payload<Article>> EditAsync(
        int id, int version, string editor, Func<NewsDbContext, Article, InputValidator, Task<ArticleChange>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ArticleChange? result = null;
        var payload = await new VersionedEdit<Article>(db, ArticleErrors.Story, id, version).ApplyAsync(
            db.Articles.Include(a => a.Bylines).Include(a => a.Images),
            async (article, check) =>
            {
                result = await change(db, article, check);
                return result.Changes.Count > 0;
            },
            cancellationToken,
            stamp: article =>
            {
                article.UpdatedAt = Now;
                db.Revisions.Add(new ArticleRevision
                {
                    ArticleId = article.Id, Version = article.Version, ChangedAt = Now, Editor = editor, Action = result!.Action, Changes = result.Changes,
                });
            });
        if (payload is { Succeeded: true, Result: { } saved } && result is { Changes.Count: > 0, Event: { } kind })
            await PublishAsync(kind, saved, cancellationToken);
        return payload;
    }

    public async Task<Payload<Article>> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payload = await new VersionedEdit<Article>(db, ArticleErrors.Story, id, version).DeleteAsync(db.Articles, cancellationToken);
        if (payload is { Succeeded: true, Result: { Status: ArticleStatus.Published } deleted })
            await PublishAsync(ArticleEventKind.Withdrawn, deleted, cancellationToken);
        return payload;
    }

    private Task PublishAsync(ArticleEventKind kind, Article article, CancellationToken cancellationToken)
        => events.PublishAsync(ArticleEvent.Topic, new ArticleEvent(kind, article.Id, article.SectionId, article.Version, clock.GetUtcNow()), cancellationToken).AsTask();
}
