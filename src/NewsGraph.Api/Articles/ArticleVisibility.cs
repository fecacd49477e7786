using System.Security.Claims;
using GraphQL;
using GraphQL.DataLoader;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Who sees which stories: editors see every status; everyone else only published stories.
/// Drafts, embargoed (scheduled) and killed (withdrawn) stories stay hidden through every entry point.
/// </summary>
public static class ArticleVisibility
{
    public static IQueryable<Article> VisibleTo(this IQueryable<Article> articles, ClaimsPrincipal? user)
        => user.IsEditor() ? articles : articles.Where(a => a.Status == ArticleStatus.Published);

    public static bool IsVisibleTo(this Article article, ClaimsPrincipal? user)
        => IsVisibleTo(article.Status, user);

    public static bool IsVisibleTo(ArticleStatus status, ClaimsPrincipal? user)
        => user.IsEditor() || status == ArticleStatus.Published;

    /// <summary>An article by ID through the request's loader, or null when the caller may not see it.</summary>
    public static IDataLoaderResult<Article?> Load(IResolveFieldContext context, int id)
        => context.DataLoader<ArticleByIdDataLoader>().LoadAsync(id).Then(a => a is not null && a.IsVisibleTo(context.User) ? a : null);
}
