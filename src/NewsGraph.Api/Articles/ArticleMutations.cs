using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.Api.Images;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public static class ArticleMutations
{
    private const string Person = "Person";

    public static void AddArticleMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateArticlePayloadGraphType>>("createArticle")
            .Description("Creates a draft story. Editors only.")
            .Argument<NonNullGraphType<CreateArticleInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                return await Editor(ctx).CreateAsync(Roles.NameOf(ctx.User),
                    (db, article, errors) => ApplyAsync(db, article, input, errors, creating: true, ctx.CancellationToken), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UpdateArticlePayloadGraphType>>("updateArticle")
            .Description("Changes a story's text, section, byline or notes. Editors only.")
            .Argument<NonNullGraphType<UpdateArticleInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, async (db, article, input, errors) =>
            {
                var changes = await ApplyAsync(db, article, input, errors, creating: false, ctx.CancellationToken);
                return new ArticleChange("updated", changes, article.Status == ArticleStatus.Published ? ArticleEventKind.Updated : null);
            }));

        mutation.Field<NonNullGraphType<PublishArticlePayloadGraphType>>("publishArticle")
            .Description("Publishes a story now, or at `publishAt` (an embargo). Editors only.")
            .Argument<NonNullGraphType<PublishArticleInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, (_, article, input, errors) =>
            {
                var editor = Editor(ctx);
                var offset = ctx.RequestServices!.GetRequiredService<IOptions<NewsroomOptions>>().Value.UtcOffset;
                var now = new DateTimeOffset(editor.Now).ToOffset(offset);
                var when = input.Value<DateTimeOffset?>("publishAt") ?? now;
                if (article.Status == ArticleStatus.Withdrawn)
                {
                    errors.Add(new InvalidInputError("A withdrawn story cannot be published again.", "id", "ARTICLE_WITHDRAWN"));
                    return Task.FromResult(new ArticleChange("published", []));
                }
                if (when <= now && article.Status == ArticleStatus.Published)
                    return Task.FromResult(new ArticleChange("published", []));
                article.PublishedAt = when.UtcDateTime;
                article.PublishedOffsetMinutes = (short)when.Offset.TotalMinutes;
                article.Status = when > now ? ArticleStatus.Scheduled : ArticleStatus.Published;
                return Task.FromResult(article.Status == ArticleStatus.Published
                    ? new ArticleChange("published", ["status", "publishedAt"], ArticleEventKind.Published)
                    : new ArticleChange("scheduled", ["status", "publishedAt"]));
            }));

        mutation.Field<NonNullGraphType<WithdrawArticlePayloadGraphType>>("withdrawArticle")
            .Description("Kills a story: it disappears for readers, who are shown the notice instead. Editors only.")
            .Argument<NonNullGraphType<WithdrawArticleInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, (_, article, input, errors) =>
            {
                var notice = Notice(input, errors);
                if (notice is null || article.Status == ArticleStatus.Withdrawn)
                    return Task.FromResult(new ArticleChange("withdrawn", []));
                var wasPublic = article.Status == ArticleStatus.Published;
                article.Status = ArticleStatus.Withdrawn;
                article.WithdrawalNotice = notice;
                article.WithdrawnAt = Editor(ctx).Now;
                return Task.FromResult(new ArticleChange("withdrawn", ["status", "withdrawalNotice"], wasPublic ? ArticleEventKind.Withdrawn : null));
            }));

        mutation.Field<NonNullGraphType<CorrectArticlePayloadGraphType>>("correctArticle")
            .Description("Corrects a story: applies the changes given and adds a public correction notice. Editors only.")
            .Argument<NonNullGraphType<CorrectArticleInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, async (db, article, input, errors) =>
            {
                var notice = Notice(input, errors);
                var changes = await ApplyAsync(db, article, input, errors, creating: false, ctx.CancellationToken);
                if (notice is null)
                    return new ArticleChange("corrected", []);
                db.Corrections.Add(new Correction { ArticleId = article.Id, Text = notice, CreatedAt = Editor(ctx).Now, Version = article.Version + 1 });
                return new ArticleChange("corrected", ["corrections", .. changes], article.Status == ArticleStatus.Published ? ArticleEventKind.Corrected : null);
            }));

        mutation.Field<NonNullGraphType<DeleteArticlePayloadGraphType>>("deleteArticle")
            .Description("Deletes a story and everything of it for good. Admins only; withdraw a published story instead.")
            .Argument<NonNullGraphType<DeleteArticleInputGraphType>>("input")
            .Authorize(Roles.Admin)
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                var errors = new List<MutationError>();
                var id = input.Id("id", ArticleEditor.TypeName, errors);
                if (id is null)
                    return Payload.Failure<Article>([.. errors]);
                return await Editor(ctx).DeleteAsync(id.Value, input.Number("version")!.Value, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<AttachImagePayloadGraphType>>("attachImage")
            .Description("Places an image in a story. Editors only.")
            .Argument<NonNullGraphType<AttachImageInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, async (db, article, input, errors) =>
            {
                var imageId = input.Id("imageId", "Image", errors);
                if (imageId is null)
                    return new ArticleChange("images", []);
                if (!await db.Images.AnyAsync(i => i.Id == imageId, ctx.CancellationToken))
                {
                    errors.Add(ImageErrors.NotFound(imageId.Value));
                    return new ArticleChange("images", []);
                }
                if (article.Images.Any(i => i.ImageId == imageId))
                {
                    errors.Add(new InvalidInputError("The image is in the story already.", "imageId", "IMAGE_ALREADY_ATTACHED"));
                    return new ArticleChange("images", []);
                }
                var ordered = article.Images.OrderBy(i => i.Position).ToList();
                var position = Math.Clamp(input.Number("position") ?? ordered.Count + 1, 1, ordered.Count + 1);
                var link = new ArticleImage { ArticleId = article.Id, ImageId = imageId.Value };
                ordered.Insert(position - 1, link);
                article.Images.Add(link);
                Renumber(ordered);
                return new ArticleChange("images", ["images"], PublicUpdate(article));
            }));

        mutation.Field<NonNullGraphType<DetachImagePayloadGraphType>>("detachImage")
            .Description("Takes an image out of a story (the image itself stays). Editors only.")
            .Argument<NonNullGraphType<DetachImageInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, (_, article, input, errors) =>
            {
                var imageId = input.Id("imageId", "Image", errors);
                var link = article.Images.FirstOrDefault(i => i.ImageId == imageId);
                if (imageId is not null && link is null)
                    errors.Add(new InvalidInputError("The image is not in the story.", "imageId", "IMAGE_NOT_ATTACHED"));
                if (link is null)
                    return Task.FromResult(new ArticleChange("images", []));
                article.Images.Remove(link);
                Renumber(article.Images.OrderBy(i => i.Position).ToList());
                return Task.FromResult(new ArticleChange("images", ["images"], PublicUpdate(article)));
            }));

        mutation.Field<NonNullGraphType<ReorderImagesPayloadGraphType>>("reorderImages")
            .Description("Puts a story's images in a new order. Editors only.")
            .Argument<NonNullGraphType<ReorderImagesInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(ctx => EditAsync(ctx, (_, article, input, errors) =>
            {
                var order = input.Ids("imageIds", "Image", errors);
                if (errors.Count > 0)
                    return Task.FromResult(new ArticleChange("images", []));
                if (order.Count != article.Images.Count || !order.Order().SequenceEqual(article.Images.Select(i => i.ImageId).Order()))
                {
                    errors.Add(new InvalidInputError("List each of the story's images once.", "imageIds"));
                    return Task.FromResult(new ArticleChange("images", []));
                }
                if (order.SequenceEqual(article.Images.OrderBy(i => i.Position).Select(i => i.ImageId)))
                    return Task.FromResult(new ArticleChange("images", []));
                Renumber([.. order.Select(id => article.Images.Single(i => i.ImageId == id))]);
                return Task.FromResult(new ArticleChange("images", ["images"], PublicUpdate(article)));
            }));
    }

    private static MutationInput Input(IResolveFieldContext context) => new(context.GetArgument<Dictionary<string, object?>>("input"));

    private static ArticleEditor Editor(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ArticleEditor>();

    private static async Task<object?> EditAsync(IResolveFieldContext context, Func<NewsDbContext, Article, MutationInput, List<MutationError>, Task<ArticleChange>> change)
    {
        var input = Input(context);
        var errors = new List<MutationError>();
        var id = input.Id(input.Has("articleId") ? "articleId" : "id", ArticleEditor.TypeName, errors);
        if (id is null)
            return Payload.Failure<Article>([.. errors]);
        return await Editor(context).EditAsync(id.Value, input.Number("version")!.Value, Roles.NameOf(context.User),
            (db, article, found) => change(db, article, input, found), context.CancellationToken);
    }

    private static ArticleEventKind? PublicUpdate(Article article) => article.Status == ArticleStatus.Published ? ArticleEventKind.Updated : null;

    private static void Renumber(List<ArticleImage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Position = i + 1;
    }

    private static string? Notice(MutationInput input, List<MutationError> errors)
    {
        var notice = input.Text("notice");
        if (notice is null or { Length: > 2000 })
        {
            errors.Add(new InvalidInputError("The notice must have between 1 and 2000 characters.", "notice"));
            return null;
        }
        return notice;
    }

    /// <summary>Applies the story fields present in <paramref name="input"/>; returns the names of those that changed.</summary>
    private static async Task<List<string>> ApplyAsync(
        NewsDbContext db, Article article, MutationInput input, List<MutationError> errors, bool creating, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        void Set<T>(string field, T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value))
                return;
            assign(value);
            changes.Add(field);
        }
        string? Text(string field, int max, bool required)
        {
            var value = input.Text(field);
            if ((required && value is null) || value?.Length > max)
            {
                errors.Add(new InvalidInputError($"`{field}` must have {(required ? "between 1 and" : "at most")} {max} characters.", field));
                return null;
            }
            return value;
        }

        if (input.Has("headline") && Text("headline", 500, required: true) is { } headline)
            Set("headline", article.Headline, headline, v => article.Headline = v);
        var headlineRejected = errors.OfType<InvalidInputError>().Any(e => e.Field == "headline");
        if ((input.Has("slug") || creating) && !(input.Text("slug") is null && headlineRejected))
        {
            var slug = Slug.From(input.Text("slug") ?? article.Headline);
            if (slug.Length == 0)
                errors.Add(new InvalidInputError("The slug needs letters or digits.", "slug"));
            else if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, cancellationToken))
                errors.Add(new InvalidInputError($"Another story has the slug `{slug}`.", "slug", "SLUG_TAKEN"));
            else
                Set("slug", article.Slug, slug, v => article.Slug = v);
        }
        if (input.Has("section") || creating)
        {
            if (Text("section", 100, required: true) is { } name)
            {
                var slug = Slug.From(name);
                var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
                              ?? db.Sections.Add(new Section { Slug = slug, Name = name }).Entity;
                if (creating || section.Id == 0 || article.SectionId != section.Id)
                {
                    article.Section = section;
                    changes.Add("section");
                }
            }
        }
        if (input.Has("revisionLabel"))
            Set("revisionLabel", article.RevisionLabel, Text("revisionLabel", 20, required: false), v => article.RevisionLabel = v);
        if (input.Has("genre"))
            Set("genre", article.Genre, Text("genre", 50, required: false), v => article.Genre = v);
        if (input.Has("isUrgent"))
            Set("isUrgent", article.IsUrgent, input.Bool("isUrgent") ?? false, v => article.IsUrgent = v);
        if (input.Has("language") && Text("language", 35, required: true) is { } language)
            Set("language", article.Language, language, v => article.Language = v);
        if (input.Has("editorNotes"))
            Set("editorNotes", article.EditorNotes, Text("editorNotes", 4000, required: false), v => article.EditorNotes = v);
        if (input.Has("paragraphs"))
        {
            List<string> paragraphs = [.. input.Strings("paragraphs").Select(p => p.Trim()).Where(p => p.Length > 0)];
            if (!paragraphs.SequenceEqual(article.Paragraphs))
            {
                article.Paragraphs = paragraphs;
                changes.Add("paragraphs");
            }
        }
        if (input.Has("dateline"))
        {
            var dateline = input.Nested("dateline");
            List<string> places = [.. dateline?.Strings("places").Select(p => p.Trim()).Where(p => p.Length > 0) ?? []];
            var (date, source) = (dateline?.Text("date"), dateline?.Text("source"));
            if (!places.SequenceEqual(article.DatelinePlaces) || date != article.DatelineDate || source != article.DatelineSource)
            {
                (article.DatelinePlaces, article.DatelineDate, article.DatelineSource) = (places, date, source);
                changes.Add("dateline");
            }
        }
        if (input.Has("authorIds"))
        {
            var people = await ArticleEditor.PeopleAsync(db, input.Ids("authorIds", Person, errors), "authorIds", errors, cancellationToken);
            var current = article.Bylines.Where(b => b.Role == BylineRole.Author).OrderBy(b => b.Position).Select(b => b.PersonId);
            if (!current.SequenceEqual(people.Select(p => p.Id)))
            {
                article.Bylines.RemoveAll(b => b.Role == BylineRole.Author);
                var others = article.Bylines.OrderBy(b => b.Position).ToList();
                article.Bylines.AddRange(people.Select((p, i) => new Byline { Person = p, PersonId = p.Id, Position = i + 1, Role = BylineRole.Author }));
                for (var i = 0; i < others.Count; i++)
                    others[i].Position = people.Count + i + 1;
                changes.Add("authors");
            }
        }
        return changes;
    }
}
