using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Fields;

namespace NewsGraph.Api.Articles;

public static class ArticleQueries
{
    public static void AddArticleQueries(this ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("An article by its slug; null with ARTICLE_NOT_FOUND when there is none you may see, or ARTICLE_WITHDRAWN and its notice when it was killed.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async ctx =>
            {
                var slug = ctx.GetArgument<string>("slug");
                await using var db = await ctx.CreateDbContextAsync();
                var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ctx.CancellationToken);
                if (article is { Status: ArticleStatus.Withdrawn } && !ctx.User.IsEditor())
                    throw ArticleErrors.Withdrawn(slug, article.WithdrawalNotice);
                return article is not null && article.IsVisibleTo(ctx.User) ? article : throw ArticleErrors.NotFound(slug);
            });

        query.QueryField("articles").Connection<ArticlesConnectionGraphType, Article>()
            .Description("Published articles (every status for editors), newest first unless `order` says otherwise.")
            .Filtering<ArticleFilterInputType>()
            .Sorting<ArticleSortInputType>()
            .DefaultOrder(a => a.PublishedAt, descending: true)
            .NeverNull(a => a.PublishedAt, when: ctx => !ctx.User.IsEditor())
            .Resolve<NewsDbContext>((db, ctx) => db.Articles.VisibleTo(ctx.User).NarrowByHeadline(db, ctx));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("Every section, by name.")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.CreateDbContextAsync();
                return await db.Sections.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ctx.CancellationToken);
            });
    }
}
