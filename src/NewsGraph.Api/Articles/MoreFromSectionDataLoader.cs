using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Projection;

namespace NewsGraph.Api.Articles;

/// <summary>
/// For each story, the latest other published stories of its section: one
/// <c>LIMIT</c>ed index range per story, all in one statement (<c>UNION ALL</c>), reading only the
/// columns the selections need (an article page's list shows headlines, not bodies). One story (an
/// article page) runs a query compiled once per selection and count, so its expression is neither built nor
/// looked up again.
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

    /// <summary>How many selections and counts keep a compiled query; others run the plain way.</summary>
    private const int CompiledSelections = 64;

    private static readonly ConcurrentDictionary<(IModel Model, string Members, int Count), Func<NewsDbContext, int, int, IAsyncEnumerable<Article>>> Compiled = new();

    private sealed class Row
    {
        public int For { get; init; }

        public required Article Article { get; init; }
    }

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (keys.Count == 1 && CompiledFor(db.Model, keys[0].Members, keys[0].Count) is { } compiled)
        {
            var (id, section, count) = (keys[0].ArticleId, keys[0].SectionId, keys[0].Count);
            var latest = new List<Article>(count);
            await foreach (var article in compiled(db, section, id).WithCancellation(cancellationToken))
                latest.Add(article);
            return new Dictionary<Key, IReadOnlyList<Article>> { [keys[0]] = latest };
        }
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

    /// <summary>
    /// The count is a constant of the compiled statement (<c>LIMIT 5</c>, not <c>LIMIT @count</c>): PostgreSQL prices a
    /// <c>LIMIT</c> parameter at a tenth of the rows and would plan the prepared statement again on every execution.
    /// </summary>
    private static Func<NewsDbContext, int, int, IAsyncEnumerable<Article>>? CompiledFor(IModel model, IReadOnlySet<string> members, int count)
    {
        var key = (model, string.Join(',', members.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal)), count);
        if (Compiled.TryGetValue(key, out var compiled))
            return compiled;
        if (Compiled.Count >= CompiledSelections)
            return null;
        var projection = ProjectionBuilder.For<Article>(model, members) ?? (a => a);
        Expression<Func<NewsDbContext, int, int, IQueryable<Article>>> latest = (db, section, id) => db.Articles.AsNoTracking()
            .Where(a => a.SectionId == section && a.Status == ArticleStatus.Published && a.Id != id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
        var limited = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Article)], latest.Body, Expression.Constant(count));
        var selected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Article), typeof(Article)], limited, Expression.Quote(projection));
        return Compiled.GetOrAdd(key, EF.CompileAsyncQuery(
            Expression.Lambda<Func<NewsDbContext, int, int, IQueryable<Article>>>(selected, latest.Parameters)));
    }
}
