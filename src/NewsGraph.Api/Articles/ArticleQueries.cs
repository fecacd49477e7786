using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Fields;

namespace NewsGraph.Api.Articles;

public static class ArticleQueries
{
    // The article page's entry point, compiled once: no expression tree to build, walk and look up per request.
    private static readonly Func<NewsDbContext, string, CancellationToken, Task<Article?>> BySlug =
        EF.CompileAsyncQuery((NewsDbContext db, string slug, CancellationToken _) => db.Articles.AsNoTracking().FirstOrDefault(a => a.Slug == slug));

    public static void AddArticleQueries(this ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("An article by its slug; null with ARTICLE_NOT_FOUND when there is none you may see, or ARTICLE_WITHDRAWN and its notice when it was killed.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async ctx =>
            {
                var slug = ctx.GetArgument<string>("slug");
                // No slug holds a NUL character, and PostgreSQL fails when asked for one.
                if (slug.Contains('\0', StringComparison.Ordinal))
                    throw ArticleErrors.NotFound(slug);
                await using var db = await ctx.CreateDbContextAsync();
                var article = await BySlug(db, slug, ctx.CancellationToken);
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
            .Narrow<NewsDbContext>((articles, db, filter) => articles.NarrowByHeadline(db, filter))
            .ResponseKeys(ctx => ArticleCacheKeys.ForFilter(ctx.Arguments?.TryGetValue("where", out var where) == true ? where.Value : null))
            .Resolve<NewsDbContext>((db, ctx) => db.Articles.VisibleTo(ctx.User));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("Every section, by name.")
            .ResponseKeys(_ => [ArticleCacheKeys.Sections])
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.CreateDbContextAsync();
                return await db.Sections.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ctx.CancellationToken);
            });
    }
}
