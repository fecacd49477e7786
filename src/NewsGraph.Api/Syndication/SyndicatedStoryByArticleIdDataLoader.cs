using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Syndication;

/// <summary>The syndication view of each story asked for in a request, loaded together.</summary>
public sealed class SyndicatedStoryByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared)
    : BatchDataLoader<int, SyndicatedStory>(shared: shared)
{
    protected override async Task<Dictionary<int, SyndicatedStory>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SyndicatedStoryLoader.LoadAsync(db, [.. keys], cancellationToken);
    }
}
