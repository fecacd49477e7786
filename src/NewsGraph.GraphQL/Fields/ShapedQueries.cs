using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// One query field's queries, compiled once per shape (<see cref="QueryShape"/>): what the request
/// asks for (order, selection, count, page size and direction) and the shapes of the base query and
/// the filter. A request whose shape was seen passes its values to the compiled query: it builds no
/// expression tree, and EF Core neither extracts parameters nor looks the query up in its cache.
/// Requests with cursors, and queries without a shape (a raw SQL narrowing, a captured object), run
/// the plain way, as do new shapes once <see cref="Capacity"/> are known.
/// </summary>
internal sealed class ShapedQueries<TDbContext>
    where TDbContext : DbContext
{
    public const int Capacity = 256;

    private static readonly object Uncompilable = new();
    private readonly ConcurrentDictionary<string, object> _compiled = new(StringComparer.Ordinal);

    /// <summary>A page of <paramref name="rows"/>, with its total when asked.</summary>
    public async Task<Connection> ConnectionAsync<TRow, TNode>(
        TDbContext db, IQueryable<TRow> rows, FieldRequest<TNode> request, Func<QueryPlan<TRow, TNode>> plan, CancellationToken cancellationToken)
    {
        var page = request.Page ?? throw new InvalidOperationException("A connection needs a page.");
        var holders = new List<object>();
        // The page size is part of the shape and a constant of the statement (LIMIT 21, not LIMIT @p): PostgreSQL
        // prices a LIMIT parameter at a tenth of the rows, so it would plan the statement again on every execution.
        var entry = Entry($"page:{page.Size}", rows.Expression, request, holders, () =>
        {
            var template = plan();
            var take = Expression.Constant(page.Size + 1);
            var pages = CompiledQuery<TDbContext, KeysetRow<TNode>>.Sequence(QueryExecutor.PageQuery(rows, template, take).Expression, holders);
            var filtered = QueryExecutor.Filtered(rows, template).Expression;
            var count = template.Count
                ? CompiledQuery<TDbContext, int>.Scalar(Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(TRow)], filtered), holders)
                : null;
            return pages is null || (template.Count && count is null) ? null : new PageEntry<TRow, TNode>(template with { Filter = null }, pages, count);
        });
        if (entry is null)
            return await QueryExecutor.ConnectionAsync(rows, plan(), cancellationToken);
        var fetched = await ListAsync(entry.Pages(db, Values(holders)), cancellationToken);
        int? total = entry.Count is not { } count ? null : page.HoldsAll(fetched.Count) ? fetched.Count : await count(db, Values(holders));
        return (entry.Plan with { Page = page }).ToConnection(fetched, total);
    }

    /// <summary>The items of <paramref name="rows"/> as a plain list.</summary>
    public async Task<List<TNode>> ListAsync<TRow, TNode>(
        TDbContext db, IQueryable<TRow> rows, FieldRequest<TNode> request, Func<QueryPlan<TRow, TNode>> plan, CancellationToken cancellationToken)
    {
        var holders = new List<object>();
        var entry = Entry("list", rows.Expression, request, holders,
            () => CompiledQuery<TDbContext, TNode>.Sequence(QueryExecutor.ListQuery(rows, plan()).Expression, holders));
        return entry is null
            ? await QueryExecutor.ListQuery(rows, plan()).ToListAsync(cancellationToken)
            : await ListAsync(entry(db, Values(holders)), cancellationToken);
    }

    /// <summary>The rows of many parents in one statement, grouped by parent, with the plan that shapes them.</summary>
    public async Task<(Dictionary<TKey, List<KeysetRow<TNode>>> Groups, QueryPlan<TRow, TNode> Plan)> GroupedAsync<TRow, TKey, TNode>(
        TDbContext db, IQueryable<TRow> rows, IReadOnlyList<TKey> keys, Expression<Func<TRow, TKey>> parentKey,
        FieldRequest<TNode> request, Func<QueryPlan<TRow, TNode>> plan, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var holders = new List<object>();
        if (request.Page is null)
        {
            var unpaged = Entry("unpaged" + QueryExecutor.KeysShape(keys), rows.Expression, request, holders, () =>
                Keyed<TKey, TRow, TNode, KeyedRow<TKey, KeysetRow<TNode>>>(plan(), keys, holders, (k, p) => QueryExecutor.UnpagedQuery(rows, k, parentKey, p)));
            if (unpaged is null)
            {
                var fresh = plan();
                return (QueryExecutor.Group(await QueryExecutor.UnpagedQuery(rows, QueryExecutor.Keys(keys), parentKey, fresh).ToListAsync(cancellationToken)), fresh);
            }
            return (QueryExecutor.Group(await ListAsync(unpaged.Rows(db, Values(holders, QueryExecutor.KeysValue(keys), first: true)), cancellationToken)), unpaged.Plan);
        }
        var paged = Entry($"grouped:{request.Page.Value.Size}{QueryExecutor.KeysShape(keys)}", rows.Expression, request, holders, () =>
            Keyed<TKey, TRow, TNode, RowGroup<TKey, KeysetRow<TNode>>>(plan(), keys, holders, (k, p) => QueryExecutor.GroupedQuery(rows, k, parentKey, p)));
        if (paged is null)
        {
            var fresh = plan();
            var groups = await QueryExecutor.GroupedQuery(rows, QueryExecutor.Keys(keys), parentKey, fresh).ToListAsync(cancellationToken);
            return (groups.ToDictionary(g => g.Key, g => g.Rows), fresh);
        }
        var fetched = await ListAsync(paged.Rows(db, Values(holders, QueryExecutor.KeysValue(keys), first: true)), cancellationToken);
        return (fetched.ToDictionary(g => g.Key, g => g.Rows), paged.Plan);
    }

    /// <summary>How many rows each parent has, in one statement.</summary>
    public async Task<Dictionary<TKey, int>> CountsAsync<TRow, TKey, TNode>(
        TDbContext db, IQueryable<TRow> rows, IReadOnlyList<TKey> keys, Expression<Func<TRow, TKey>> parentKey,
        FieldRequest<TNode> request, Func<QueryPlan<TRow, TNode>> plan, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var holders = new List<object>();
        var entry = Entry("counts" + QueryExecutor.KeysShape(keys), rows.Expression, request, holders, () =>
            Keyed<TKey, TRow, TNode, CountGroup<TKey>>(plan(), keys, holders, (k, p) => QueryExecutor.CountsQuery(rows, k, parentKey, p)));
        var counts = entry is null
            ? await QueryExecutor.CountsQuery(rows, QueryExecutor.Keys(keys), parentKey, plan()).ToListAsync(cancellationToken)
            : await ListAsync(entry.Rows(db, Values(holders, QueryExecutor.KeysValue(keys), first: true)), cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>
    /// The compiled entry for this request's shape, compiling it from this request if it is new;
    /// null when the request runs the plain way. Fills <paramref name="holders"/> with the request's values.
    /// </summary>
    private TEntry? Entry<TEntry, TNode>(string path, Expression rows, FieldRequest<TNode> request, List<object> holders, Func<TEntry?> compile)
        where TEntry : class
    {
        if (request.Page is { After: not null } or { Before: not null })
            return null;
        var text = new StringBuilder(path).Append('|').Append(request.Shape).Append('|');
        if (!QueryShape.Describe(rows, text, holders) || !QueryShape.Describe(request.Filter, text, holders))
            return null;
        var key = text.ToString();
        if (_compiled.TryGetValue(key, out var known))
            return known as TEntry;
        if (_compiled.Count >= Capacity)
            return null;
        var entry = compile();
        _compiled.TryAdd(key, (object?)entry ?? Uncompilable);
        return entry;
    }

    /// <summary>A query over the parents' keys (its first parameter) and the request's values, compiled.</summary>
    private static KeyedEntry<TRow, TNode, TResult>? Keyed<TKey, TRow, TNode, TResult>(
        QueryPlan<TRow, TNode> plan, IReadOnlyList<TKey> keys, List<object> holders, Func<Expression, QueryPlan<TRow, TNode>, IQueryable<TResult>> query)
    {
        var parameter = QueryExecutor.Keys(keys);
        var compiled = CompiledQuery<TDbContext, TResult>.Sequence(query(parameter, plan).Expression, [Holder(parameter), .. holders]);
        return compiled is null ? null : new KeyedEntry<TRow, TNode, TResult>(plan with { Filter = null }, compiled);
    }

    private static object Holder(Expression parameter) => ((ConstantExpression)((MemberExpression)parameter).Expression!).Value!;

    /// <summary>The request's values in parameter order, with one more value last (or first).</summary>
    private static object?[] Values(List<object> holders, object? extra = null, bool first = false)
    {
        var offset = extra is not null && first ? 1 : 0;
        var values = new object?[holders.Count + (extra is null ? 0 : 1)];
        for (var i = 0; i < holders.Count; i++)
            values[i + offset] = ExpressionRewriter.ValueOf(holders[i]);
        if (extra is not null)
            values[first ? 0 : holders.Count] = extra;
        return values;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            list.Add(row);
        return list;
    }

    /// <param name="Plan">The first request's plan, without its filter: it orders and pages the rows of later ones, and never builds a query.</param>
    private sealed record PageEntry<TRow, TNode>(
        QueryPlan<TRow, TNode> Plan,
        Func<TDbContext, object?[], IAsyncEnumerable<KeysetRow<TNode>>> Pages,
        Func<TDbContext, object?[], Task<int>>? Count);

    /// <param name="Plan">As in <see cref="PageEntry{TRow,TNode}"/>.</param>
    private sealed record KeyedEntry<TRow, TNode, TResult>(
        QueryPlan<TRow, TNode> Plan,
        Func<TDbContext, object?[], IAsyncEnumerable<TResult>> Rows);
}
