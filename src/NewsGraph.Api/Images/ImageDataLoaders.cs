using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Images;

public sealed class ImageByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, Image>
{
    protected override async Task<Dictionary<int, Image>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Images.AsNoTracking().Where(i => keys.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
    }
}
