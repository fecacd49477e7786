using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Fields;

namespace NewsGraph.Api.Articles;

public static class ArticleQueries
{
    public static void AddArticleQueries(this ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("A published article by its slug; null, with an ARTICLE_NOT_FOUND error, when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async ctx =>
            {
                var slug = ctx.GetArgument<string>("slug");
                await using var db = await ctx.CreateDbContextAsync();
                return await db.Articles.AsNoTracking()
                           .FirstOrDefaultAsync(a => a.Slug == slug && a.Status == ArticleStatus.Published, ctx.CancellationToken)
                       ?? throw ArticleErrors.NotFound(slug);
            });

        query.QueryField("articles").Connection<ArticlesConnectionGraphType, Article>()
            .Description("Published articles, newest first unless `order` says otherwise.")
            .Filtering<ArticleFilterInputType>()
            .Sorting<ArticleSortInputType>()
            .DefaultOrder(a => a.PublishedAt, descending: true)
            .NeverNull(a => a.PublishedAt)
            .Resolve<NewsDbContext>((db, _) => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("Every section, by name.")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.CreateDbContextAsync();
                return await db.Sections.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ctx.CancellationToken);
            });
    }
}
