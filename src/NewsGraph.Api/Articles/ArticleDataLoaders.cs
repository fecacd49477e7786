using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

public sealed class SectionByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, Section>
{
    protected override async Task<Dictionary<int, Section>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sections.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}

/// <summary>An article's bylines in order, each with its person.</summary>
public sealed class BylinesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, Byline>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Byline>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bylines = await db.Bylines.AsNoTracking().Include(b => b.Person)
            .Where(b => keys.Contains(b.ArticleId))
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Position)
            .ToListAsync(cancellationToken);
        return Group(bylines, b => b.ArticleId, b => b);
    }
}

/// <summary>Published articles by ID (for <c>node</c>).</summary>
public sealed class ArticleByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, Article>
{
    protected override async Task<Dictionary<int, Article>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AsNoTracking()
            .Where(a => keys.Contains(a.Id) && a.Status == ArticleStatus.Published)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}
