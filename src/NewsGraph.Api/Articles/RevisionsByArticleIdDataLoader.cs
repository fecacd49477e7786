using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

public sealed class RevisionsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, ArticleRevision>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<ArticleRevision>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().Where(r => keys.Contains(r.ArticleId)).OrderBy(r => r.ArticleId).ThenBy(r => r.Version).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return Group(revisions, r => r.ArticleId, r => r);
    }
}
