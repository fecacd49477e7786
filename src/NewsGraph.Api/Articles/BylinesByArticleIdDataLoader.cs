using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

/// <summary>An article's bylines in order, each with its person.</summary>
public sealed class BylinesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : GroupedDataLoader<int, Byline>(shared: shared)
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Byline>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bylines = await db.Bylines.AsNoTracking().Include(b => b.Person)
            .Where(b => keys.Contains(b.ArticleId))
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Position)
            .ToListAsync(cancellationToken);
        return Group(bylines, b => b.ArticleId, b => b);
    }
}
