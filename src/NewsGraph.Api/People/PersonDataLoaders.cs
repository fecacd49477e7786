using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.People;

public sealed class PersonByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : BatchDataLoader<int, Person>(shared: shared)
{
    private static readonly Func<NewsDbContext, int[], IAsyncEnumerable<Person>> Query =
        EF.CompileAsyncQuery((NewsDbContext db, int[] keys) => db.People.AsNoTracking().Where(p => keys.Contains(p.Id)));

    protected override async Task<Dictionary<int, Person>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = new Dictionary<int, Person>(keys.Count);
        await foreach (var person in Query(db, [.. keys]).WithCancellation(cancellationToken))
            people[person.Id] = person;
        return people;
    }
}
