using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, ReaderFeedback>
{
    protected override async Task<Dictionary<int, ReaderFeedback>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Feedback.AsNoTracking().Where(f => keys.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
    }
}
