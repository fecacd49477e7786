using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.People;

public sealed class PersonByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, Person>
{
    protected override async Task<Dictionary<int, Person>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}
