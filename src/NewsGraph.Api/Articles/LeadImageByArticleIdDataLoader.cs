using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Images;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

/// <summary>The first photo of each story (lowest position), as front pages show one.</summary>
public sealed class LeadImageByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : BatchDataLoader<int, Image>(shared: shared)
{
    // Compiled: the subquery names the context, which a LINQ query would capture and EF Core would
    // evaluate anew on every run (a quarter of a front page's time went there).
    private static readonly Func<NewsDbContext, int[], IAsyncEnumerable<LeadImage>> Query = EF.CompileAsyncQuery(
        (NewsDbContext db, int[] keys) => db.ArticleImages.AsNoTracking()
            .Where(l => keys.Contains(l.ArticleId)
                        && l.Position == db.ArticleImages.Where(o => o.ArticleId == l.ArticleId).Min(o => o.Position))
            .Select(l => new LeadImage(l.ArticleId, l.Image)));

    private sealed record LeadImage(int ArticleId, Image Image);

    protected override async Task<Dictionary<int, Image>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var images = new Dictionary<int, Image>(keys.Count);
        await foreach (var lead in Query(db, [.. keys]).WithCancellation(cancellationToken))
            images[lead.ArticleId] = lead.Image;
        return images;
    }
}
