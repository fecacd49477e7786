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

/// <summary>Articles by ID, whatever their status: callers apply <see cref="ArticleVisibility"/>.</summary>
public sealed class ArticleByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : BatchDataLoader<int, Article>
{
    protected override async Task<Dictionary<int, Article>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AsNoTracking().Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}

public sealed class CorrectionsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, Correction>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Correction>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var corrections = await db.Corrections.AsNoTracking().Where(c => keys.Contains(c.ArticleId)).OrderBy(c => c.ArticleId).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return Group(corrections, c => c.ArticleId, c => c);
    }
}

public sealed class RevisionsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory) : GroupedDataLoader<int, ArticleRevision>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<ArticleRevision>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().Where(r => keys.Contains(r.ArticleId)).OrderBy(r => r.ArticleId).ThenBy(r => r.Version).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return Group(revisions, r => r.ArticleId, r => r);
    }
}
