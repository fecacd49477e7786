using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.Api.Articles;

public static class ArticleSubscriptions
{
    public static void AddArticleSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ArticleGraphType>>("articlePublished")
            .Description("Stories as they are published, also when an embargo lifts; of one section when `section` (its slug, such as `politics`) is given.")
            .Argument<StringGraphType>("section", "A section's slug.")
            .ResolveStreamAsync(async ctx =>
            {
                int? sectionId = null;
                if (ctx.GetArgument<string?>("section") is { } slug)
                {
                    if (slug.Contains('\0', StringComparison.Ordinal))
                        throw ArticleErrors.SectionNotFound(slug); // no slug holds one, and PostgreSQL fails when asked for one
                    await using var db = await ctx.CreateDbContextAsync();
                    sectionId = await db.Sections.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync(ctx.CancellationToken)
                                ?? throw ArticleErrors.SectionNotFound(slug);
                }
                return SourceStreams.FromEvents<ArticleEvent>(ctx, ArticleEvent.Topic,
                    e => e.Kind == ArticleEventKind.Published && (sectionId is null || e.SectionId == sectionId));
            })
            .Resolve(ctx => ArticleVisibility.Load(ctx, ((ArticleEvent)ctx.Source!).ArticleId));

        subscription.Field<NonNullGraphType<ArticleUpdateGraphType>>("articleUpdated")
            .Description("What happens to one story after it is published: updates, corrections, its withdrawal.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The story's ID.")
            .ResolveStreamAsync(async ctx =>
            {
                var id = ctx.GetIntId("id", ArticleErrors.Story.TypeName);
                await using var db = await ctx.CreateDbContextAsync();
                if (!await db.Articles.VisibleTo(ctx.User).AnyAsync(a => a.Id == id, ctx.CancellationToken))
                    throw ArticleErrors.NotFoundById(ctx.GetArgument<string>("id"));
                return SourceStreams.FromEvents<ArticleEvent>(ctx, ArticleEvent.Topic,
                    e => e.ArticleId == id && e.Kind is ArticleEventKind.Updated or ArticleEventKind.Corrected or ArticleEventKind.Withdrawn);
            })
            .Resolve(ctx => ctx.Source);
    }
}
