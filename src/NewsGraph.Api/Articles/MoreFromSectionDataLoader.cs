using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Projection;

namespace NewsGraph.Api.Articles;

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
