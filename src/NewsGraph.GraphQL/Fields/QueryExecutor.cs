using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>Runs a <see cref="QueryPlan{TRow,TNode}"/> as SQL: one statement for the page, one more for the total when asked.</summary>
internal static class QueryExecutor
{
    private static readonly MethodInfo EnumerableOrderBy = EnumerableMethod(nameof(Enumerable.OrderBy));
    private static readonly MethodInfo EnumerableOrderByDescending = EnumerableMethod(nameof(Enumerable.OrderByDescending));
    private static readonly MethodInfo EnumerableThenBy = EnumerableMethod(nameof(Enumerable.ThenBy));
    private static readonly MethodInfo EnumerableThenByDescending = EnumerableMethod(nameof(Enumerable.ThenByDescending));

    public static async Task<Connection> ConnectionAsync<TRow, TNode>(IQueryable<TRow> rows, QueryPlan<TRow, TNode> plan, CancellationToken cancellationToken)
    {
        var page = plan.Page ?? throw new InvalidOperationException("A connection needs a page.");
        if (plan.Filter is { } filter)
            rows = rows.Where(filter);
        var fetched = await plan.WithinCursors(rows)
            .OrderBy(plan.Order, reverse: page.Backward)
            .Take(page.Size + 1)
            .Select(plan.RowSelector())
            .ToListAsync(cancellationToken);
        int? total = plan.Count ? await rows.CountAsync(cancellationToken) : null;
        return plan.ToConnection(fetched, total);
    }

    /// <summary>
    /// The rows of many parents in one statement: grouped by parent, each group ordered, cut to the
    /// page with a window function (<c>ROW_NUMBER() OVER (PARTITION BY ...)</c>).
    /// </summary>
    public static async Task<Dictionary<TKey, List<KeysetRow<TNode>>>> GroupedAsync<TRow, TKey, TNode>(
        IQueryable<TRow> rows, IReadOnlyList<TKey> keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        rows = ForParents(rows, keys, parentKey, plan);
        if (plan.Page is null)
            return await UnpagedAsync(rows, parentKey, plan, cancellationToken);
        var group = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        Expression members = group;
        var backward = plan.Page?.Backward ?? false;
        for (var i = 0; i < plan.Order.Count; i++)
        {
            var key = plan.Order[i];
            var descending = key.Descending ^ backward;
            var method = i == 0
                ? (descending ? EnumerableOrderByDescending : EnumerableOrderBy)
                : (descending ? EnumerableThenByDescending : EnumerableThenBy);
            members = Expression.Call(method.MakeGenericMethod(typeof(TRow), key.KeyType), members, key.Selector);
        }
        if (plan.Page is { } page)
            members = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TRow)], members, Expression.Constant(page.Size + 1));
        members = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TRow), typeof(KeysetRow<TNode>)], members, plan.RowSelector());
        members = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(KeysetRow<TNode>)], members);

        var groupType = typeof(RowGroup<TKey, KeysetRow<TNode>>);
        var selector = Expression.Lambda<Func<IGrouping<TKey, TRow>, RowGroup<TKey, KeysetRow<TNode>>>>(
            Expression.MemberInit(Expression.New(groupType),
                Expression.Bind(groupType.GetProperty(nameof(RowGroup<TKey, TNode>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, TRow>.Key))),
                Expression.Bind(groupType.GetProperty(nameof(RowGroup<TKey, TNode>.Rows))!, members)),
            group);

        var groups = await plan.WithinCursors(rows).GroupBy(parentKey).Select(selector).ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g.Key, g => g.Rows);
    }

    /// <summary>
    /// Lists without a page (an article's authors): one plain ordered query, grouped here. Rows keep
    /// their order within each parent, and the database is spared the window function.
    /// </summary>
    private static async Task<Dictionary<TKey, List<KeysetRow<TNode>>>> UnpagedAsync<TRow, TKey, TNode>(
        IQueryable<TRow> rows, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        var keyedType = typeof(KeyedRow<TKey, KeysetRow<TNode>>);
        var selector = Expression.Lambda<Func<TRow, KeyedRow<TKey, KeysetRow<TNode>>>>(
            Expression.MemberInit(Expression.New(keyedType),
                Expression.Bind(keyedType.GetProperty(nameof(KeyedRow<TKey, TNode>.Key))!, ExpressionRewriter.Inline(parentKey, row)),
                Expression.Bind(keyedType.GetProperty(nameof(KeyedRow<TKey, TNode>.Row))!, ExpressionRewriter.Inline(plan.RowSelector(), row))),
            row);
        var fetched = await rows.OrderBy(plan.Order).Select(selector).ToListAsync(cancellationToken);
        var groups = new Dictionary<TKey, List<KeysetRow<TNode>>>();
        foreach (var keyed in fetched)
        {
            if (!groups.TryGetValue(keyed.Key, out var list))
                groups[keyed.Key] = list = [];
            list.Add(keyed.Row);
        }
        return groups;
    }

    public static async Task<Dictionary<TKey, int>> CountsAsync<TRow, TKey, TNode>(
        IQueryable<TRow> rows, IReadOnlyList<TKey> keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var counts = await ForParents(rows, keys, parentKey, plan).GroupBy(parentKey)
            .Select(g => new CountGroup<TKey> { Key = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    private static IQueryable<TRow> ForParents<TRow, TKey, TNode>(
        IQueryable<TRow> rows, IReadOnlyList<TKey> keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan)
    {
        var keyList = keys.ToList();
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)],
            ExpressionRewriter.Parameter(keyList, typeof(List<TKey>)), parentKey.Body);
        rows = rows.Where(Expression.Lambda<Func<TRow, bool>>(contains, parentKey.Parameters));
        return plan.Filter is { } filter ? rows.Where(filter) : rows;
    }

    private static MethodInfo EnumerableMethod(string name)
        => typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
