using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

/// <summary>Articles by ID, whatever their status: callers apply <see cref="ArticleVisibility"/>.</summary>
public sealed class ArticleByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : BatchDataLoader<int, Article>(shared: shared)
{
    protected override async Task<Dictionary<int, Article>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AsNoTracking().Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}
