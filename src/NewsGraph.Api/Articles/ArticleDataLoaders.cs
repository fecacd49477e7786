using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.Api.Images;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Projection;

namespace NewsGraph.Api.Articles;

/// <summary>Sections from <see cref="SectionCatalog"/>: usually no SQL at all.</summary>
public sealed class SectionByIdDataLoader(SectionCatalog sections) : BatchDataLoader<int, Section>
{
    protected override async Task<Dictionary<int, Section>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var all = await sections.GetAsync(keys, cancellationToken);
        return keys.Where(all.ContainsKey).ToDictionary(k => k, k => all[k]);
    }
}

/// <summary>
/// All sections, in memory: a dozen rows that are only ever added (no mutation renames or removes
/// one), read by nearly every story. An id not seen yet (a section added since, by this process or
/// an import) reloads them.
/// </summary>
public sealed class SectionCatalog(IDbContextFactory<NewsDbContext> dbFactory)
{
    private volatile IReadOnlyDictionary<int, Section> _byId = new Dictionary<int, Section>();

    public async ValueTask<IReadOnlyDictionary<int, Section>> GetAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var known = _byId;
        if (ids.All(known.ContainsKey))
            return known;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        _byId = all;
        return all;
    }
}

/// <summary>An article's bylines in order, each with its person.</summary>
public sealed class BylinesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : GroupedDataLoader<int, Byline>(shared: shared)
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
public sealed class ArticleByIdDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared) : BatchDataLoader<int, Article>(shared: shared)
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

/// <summary>
/// For each story, the latest other published stories of its section: one
/// <c>LIMIT</c>ed index range per story, all in one statement (<c>UNION ALL</c>), reading only the
/// columns the selections need (an article page's list shows headlines, not bodies).
/// </summary>
public sealed class MoreFromSectionDataLoader(IDbContextFactory<NewsDbContext> dbFactory, SharedFetches shared)
    : GroupedDataLoader<MoreFromSectionDataLoader.Key, Article>(shared: shared)
{
    /// <param name="Members">The article members the selection reads (<see cref="SelectedMembers"/>).</param>
    public readonly record struct Key(int ArticleId, int SectionId, int Count, IReadOnlySet<string> Members)
    {
        // Equal selections are equal keys, so requests asking the same share one subquery.
        public bool Equals(Key other)
            => ArticleId == other.ArticleId && SectionId == other.SectionId && Count == other.Count && Members.SetEquals(other.Members);

        public override int GetHashCode() => HashCode.Combine(ArticleId, SectionId, Count, Members.Count);
    }

    private sealed class Row
    {
        public int For { get; init; }

        public required Article Article { get; init; }
    }

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
            members.UnionWith(key.Members);
        var projection = ProjectionBuilder.For<Article>(db.Model, members) ?? (a => a);

        // Rows name their key by index: one story may ask twice (aliases with different counts).
        IQueryable<Row>? query = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var (index, id, section, count) = (i, keys[i].ArticleId, keys[i].SectionId, keys[i].Count);
            var latest = db.Articles.AsNoTracking()
                .Where(a => a.SectionId == section && a.Status == ArticleStatus.Published && a.Id != id)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(count)
                .Select(projection)
                .Select(a => new Row { For = index, Article = a });
            query = query is null ? latest : query.Concat(latest);
        }
        var rows = query is null ? [] : await query.ToListAsync(cancellationToken);
        return Group(rows, r => keys[r.For], r => r.Article);
    }
}
