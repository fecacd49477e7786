using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

public sealed class CorrectionsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, Correction>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Correction>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var corrections = await db.Corrections.AsNoTracking().Where(c => keys.Contains(c.ArticleId)).OrderBy(c => c.ArticleId).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return Group(corrections, c => c.ArticleId, c => c);
    }
}
