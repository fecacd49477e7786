using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Articles;

/// <summary>What an edit did to a story, for its revision history and its event.</summary>
public sealed record ArticleChange(string Action, List<string> Changes, ArticleEventKind? Event = null);

/// <summary>
/// Every editorial change to a story goes through here: the change is applied to the version it was
/// based on, or refused with a <see cref="VersionConflictError"/> and nothing overwritten (the
/// version is also the concurrency token, so two editors saving at once cannot both win); the
/// version goes up with a revision saying who changed what; the event goes out once it is saved.
/// </summary>
public sealed class ArticleEditor(IDbContextFactory<NewsDbContext> dbFactory, IEventBus events, TimeProvider clock)
{
    public const string TypeName = "Article";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Payload<Article>> CreateAsync(string editor, Func<NewsDbContext, Article, List<MutationError>, Task<List<string>>> fill, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = new Article { Slug = "", Headline = "", Status = ArticleStatus.Draft, UpdatedAt = Now };
        var errors = new List<MutationError>();
        var changes = await fill(db, article, errors);
        if (errors.Count > 0)
            return Payload.Failure<Article>([.. errors]);
        article.Revisions.Add(new ArticleRevision { Version = 1, ChangedAt = Now, Editor = editor, Action = "created", Changes = changes });
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return Payload.Success(article);
    }

    public async Task<Payload<Article>> EditAsync(
        int id, int version, string editor, Func<NewsDbContext, Article, List<MutationError>, Task<ArticleChange>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.Include(a => a.Bylines).Include(a => a.Images)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
            return Payload.Failure<Article>(NotFound(id));
        if (article.Version != version)
            return Payload.Failure<Article>(Conflict(version, article.Version));

        var errors = new List<MutationError>();
        var result = await change(db, article, errors);
        if (errors.Count > 0)
            return Payload.Failure<Article>([.. errors]);
        if (result.Changes.Count == 0)
            return Payload.Success(article);

        article.Version++;
        article.UpdatedAt = Now;
        db.Revisions.Add(new ArticleRevision
        {
            ArticleId = article.Id, Version = article.Version, ChangedAt = Now, Editor = editor, Action = result.Action, Changes = result.Changes,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.Articles.Where(a => a.Id == id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
            return current is null ? Payload.Failure<Article>(NotFound(id)) : Payload.Failure<Article>(Conflict(version, current.Value));
        }
        if (result.Event is { } kind)
            await events.PublishAsync(ArticleEvent.Topic, new ArticleEvent(kind, article.Id, article.SectionId, article.Version, clock.GetUtcNow()), cancellationToken);
        return Payload.Success(article);
    }

    public async Task<Payload<Article>> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
            return Payload.Failure<Article>(NotFound(id));
        if (article.Version != version)
            return Payload.Failure<Article>(Conflict(version, article.Version));
        db.Articles.Remove(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Payload.Failure<Article>(Conflict(version, version + 1));
        }
        if (article.Status == ArticleStatus.Published)
            await events.PublishAsync(ArticleEvent.Topic, new ArticleEvent(ArticleEventKind.Withdrawn, article.Id, article.SectionId, article.Version, clock.GetUtcNow()), cancellationToken);
        return Payload.Success(article);
    }

    public static NotFoundError NotFound(int id) => new($"There is no story with the ID `{GlobalId.Format(TypeName, id)}`.", GlobalId.Format(TypeName, id));

    private static VersionConflictError Conflict(int expected, int current)
        => new($"The story was changed since version {expected}; it is at version {current} now. Reload it and apply the change again.", expected, current);

    /// <summary>The people behind <paramref name="ids"/>, or errors for the missing ones.</summary>
    public static async Task<List<Person>> PeopleAsync(NewsDbContext db, IReadOnlyList<int> ids, string field, List<MutationError> errors, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var id in ids.Where(id => !people.ContainsKey(id)).Distinct())
            errors.Add(new NotFoundError($"There is no person with the ID `{GlobalId.Format("Person", id)}` ({field}).", GlobalId.Format("Person", id)));
        return [.. ids.Distinct().Where(people.ContainsKey).Select(id => people[id])];
    }
}
