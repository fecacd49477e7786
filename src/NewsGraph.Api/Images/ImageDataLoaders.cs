using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Images;

/// <summary>An article's images in the order the story places them.</summary>
public sealed class ImagesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, Image>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Image>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ArticleImages.AsNoTracking()
            .Where(l => keys.Contains(l.ArticleId))
            .OrderBy(l => l.ArticleId).ThenBy(l => l.Position)
            .Select(l => new { l.ArticleId, l.Image })
            .ToListAsync(cancellationToken);
        return Group(links, l => l.ArticleId, l => l.Image);
    }
}
