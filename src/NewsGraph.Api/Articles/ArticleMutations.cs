using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public static class ArticleMutations
{
    public static void AddArticleMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateArticlePayloadGraphType, CreateArticleInputGraphType>("createArticle", "Creates a draft story. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<CreateArticleInput, Payload<Article>>((ctx, input) => Editor(ctx).CreateAsync(Roles.NameOf(ctx.User),
                (db, article, check) => ArticleFieldChanges.ApplyAsync(db, article, input.Fields, check, creating: true, ctx.CancellationToken), ctx.CancellationToken));

        mutation.Mutation<UpdateArticlePayloadGraphType, UpdateArticleInputGraphType>("updateArticle", "Changes a story's text, section, byline or notes. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<UpdateArticleInput, Payload<Article>>((ctx, input) => EditAsync(ctx, input.Id, input.Version, async (db, article, check) =>
            {
                var changes = await ArticleFieldChanges.ApplyAsync(db, article, input.Fields, check, creating: false, ctx.CancellationToken);
                return new ArticleChange("updated", changes, PublicUpdate(article));
            }));

        mutation.Mutation<PublishArticlePayloadGraphType, PublishArticleInputGraphType>("publishArticle", "Publishes a story now, or at `publishAt` (an embargo). Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<PublishArticleInput, Payload<Article>>((ctx, input) => EditAsync(ctx, input.Id, input.Version,
                (_, article, check) => Task.FromResult(Publish(ctx, article, input.PublishAt, check))));

        mutation.Mutation<WithdrawArticlePayloadGraphType, WithdrawArticleInputGraphType>("withdrawArticle",
                "Kills a story: it disappears for readers, who are shown the notice instead. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<WithdrawArticleInput, Payload<Article>>((ctx, input) => EditAsync(ctx, input.Id, input.Version,
                (_, article, check) => Task.FromResult(Withdraw(Editor(ctx), article, Notice(input.Notice, check)))));

        mutation.Mutation<CorrectArticlePayloadGraphType, CorrectArticleInputGraphType>("correctArticle",
                "Corrects a story: applies the changes given and adds a public correction notice. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<CorrectArticleInput, Payload<Article>>((ctx, input) => EditAsync(ctx, input.Id, input.Version,
                (db, article, check) => CorrectAsync(ctx, db, article, input, check)));

        mutation.Mutation<DeleteArticlePayloadGraphType, DeleteArticleInputGraphType>("deleteArticle",
                "Deletes a story and everything of it for good. Admins only; withdraw a published story instead.")
            .Authorize(Roles.Admin)
            .ResolveInputAsync<DeleteArticleInput, Payload<Article>>((ctx, input) =>
            {
                var check = new InputValidator();
                return check.Id(input.Id, "id", ArticleErrors.Story.TypeName) is { } id
                    ? Editor(ctx).DeleteAsync(id, input.Version, ctx.CancellationToken)
                    : Task.FromResult(Payload.Failure<Article>(check.Errors));
            });

        mutation.AddArticleImageMutations();
        mutation.AddArticleQuoteMutations();
    }

    internal static ArticleEditor Editor(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ArticleEditor>();

    /// <summary>
    /// An edit, as the caller, of the story behind the global ID <paramref name="articleId"/>, given in the
    /// input field <paramref name="idField"/> (an error naming it when it is not a story's ID).
    /// </summary>
    internal static Task<Payload<Article>> EditAsync(
        IResolveFieldContext context, string articleId, int version, Func<NewsDbContext, Article, InputValidator, Task<ArticleChange>> change, string idField = "id")
    {
        var check = new InputValidator();
        if (check.Id(articleId, idField, ArticleErrors.Story.TypeName) is not { } id)
            return Task.FromResult(Payload.Failure<Article>(check.Errors));
        return Editor(context).EditAsync(id, version, Roles.NameOf(context.User), change, context.CancellationToken);
    }

    /// <summary>Readers hear of changes to published stories only.</summary>
    internal static ArticleEventKind? PublicUpdate(Article article) => article.Status == ArticleStatus.Published ? ArticleEventKind.Updated : null;

    private static ArticleChange Publish(IResolveFieldContext context, Article article, DateTimeOffset? publishAt, InputValidator check)
    {
        var now = Editor(context).LocalNow;
        var when = publishAt ?? now;
        if (article.Status == ArticleStatus.Withdrawn)
        {
            check.Add(ArticleErrors.CannotRepublishWithdrawn());
            return new ArticleChange("published", []);
        }
        if (when <= now && article.Status == ArticleStatus.Published)
            return new ArticleChange("published", []);
        article.PublishedAt = when.UtcDateTime;
        article.PublishedOffsetMinutes = (short)when.Offset.TotalMinutes;
        article.Status = when > now ? ArticleStatus.Scheduled : ArticleStatus.Published;
        return article.Status == ArticleStatus.Published
            ? new ArticleChange("published", ["status", "publishedAt"], ArticleEventKind.Published)
            : new ArticleChange("scheduled", ["status", "publishedAt"]);
    }

    private static ArticleChange Withdraw(ArticleEditor editor, Article article, string? notice)
    {
        if (notice is null || article.Status == ArticleStatus.Withdrawn)
            return new ArticleChange("withdrawn", []);
        var wasPublic = article.Status == ArticleStatus.Published;
        article.Status = ArticleStatus.Withdrawn;
        article.WithdrawalNotice = notice;
        article.WithdrawnAt = editor.Now;
        return new ArticleChange("withdrawn", ["status", "withdrawalNotice"], wasPublic ? ArticleEventKind.Withdrawn : null);
    }

    private static async Task<ArticleChange> CorrectAsync(IResolveFieldContext context, NewsDbContext db, Article article, CorrectArticleInput input, InputValidator check)
    {
        var notice = Notice(input.Notice, check);
        var changes = await ArticleFieldChanges.ApplyAsync(db, article, input.Fields, check, creating: false, context.CancellationToken);
        if (notice is null)
            return new ArticleChange("corrected", []);
        db.Corrections.Add(new Correction { ArticleId = article.Id, Text = notice, CreatedAt = Editor(context).Now, Version = article.Version + 1 });
        return new ArticleChange("corrected", ["corrections", .. changes], article.Status == ArticleStatus.Published ? ArticleEventKind.Corrected : null);
    }

    private static string? Notice(string? notice, InputValidator check)
        => check.Text(notice, "notice", Correction.TextMaxLength, required: true, subject: "The notice");
}
