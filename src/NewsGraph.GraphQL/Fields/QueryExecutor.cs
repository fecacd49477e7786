using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// The queries of a <see cref="QueryPlan{TRow,TNode}"/>: one statement for a page, one more for the
/// total when asked; for many parents, one statement for all. Values go in as parameters
/// (<see cref="ExpressionRewriter.Parameter"/>), so <see cref="ShapedQueries"/> can compile them.
/// </summary>
internal static class QueryExecutor
{
    private static readonly MethodInfo EnumerableOrderBy = EnumerableMethod(nameof(Enumerable.OrderBy));
    private static readonly MethodInfo EnumerableOrderByDescending = EnumerableMethod(nameof(Enumerable.OrderByDescending));
    private static readonly MethodInfo EnumerableThenBy = EnumerableMethod(nameof(Enumerable.ThenBy));
    private static readonly MethodInfo EnumerableThenByDescending = EnumerableMethod(nameof(Enumerable.ThenByDescending));
    private static readonly MethodInfo QueryableTake = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Take) && m.GetParameters()[1].ParameterType == typeof(int));

    public static async Task<Connection> ConnectionAsync<TRow, TNode>(IQueryable<TRow> rows, QueryPlan<TRow, TNode> plan, CancellationToken cancellationToken)
    {
        var page = plan.Page ?? throw new InvalidOperationException("A connection needs a page.");
        var fetched = await PageQuery(rows, plan, ExpressionRewriter.Parameter(page.Size + 1, typeof(int))).ToListAsync(cancellationToken);
        int? total = !plan.Count ? null : page.HoldsAll(fetched.Count) ? fetched.Count : await Filtered(rows, plan).CountAsync(cancellationToken);
        return plan.ToConnection(fetched, total);
    }

    /// <summary>The rows the filter lets through.</summary>
    public static IQueryable<TRow> Filtered<TRow, TNode>(IQueryable<TRow> rows, QueryPlan<TRow, TNode> plan)
        => plan.Filter is { } filter ? rows.Where(filter) : rows;

    /// <summary>One page: the filtered rows between the cursors, in order, <paramref name="take"/> of them (the page and one more).</summary>
    public static IQueryable<KeysetRow<TNode>> PageQuery<TRow, TNode>(IQueryable<TRow> rows, QueryPlan<TRow, TNode> plan, Expression take)
    {
        var ordered = plan.WithinCursors(Filtered(rows, plan)).OrderBy(plan.Order, reverse: plan.Page?.Backward ?? false);
        var limited = ordered.Provider.CreateQuery<TRow>(Expression.Call(QueryableTake.MakeGenericMethod(typeof(TRow)), ordered.Expression, take));
        return limited.Select(plan.RowSelector());
    }

    /// <summary>A plain list: the filtered rows in order, with only the selected members.</summary>
    public static IQueryable<TNode> ListQuery<TRow, TNode>(IQueryable<TRow> rows, QueryPlan<TRow, TNode> plan)
        => Filtered(rows, plan).OrderBy(plan.Order).Select(plan.Node);

    /// <summary>
    /// The rows of many parents (<paramref name="keys"/>, a parameter holding their list) in one
    /// statement: grouped by parent, each group ordered, cut to the page with a window function
    /// (<c>ROW_NUMBER() OVER (PARTITION BY ...)</c>).
    /// </summary>
    public static IQueryable<RowGroup<TKey, KeysetRow<TNode>>> GroupedQuery<TRow, TKey, TNode>(
        IQueryable<TRow> rows, Expression keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan)
    {
        var page = plan.Page ?? throw new InvalidOperationException("A grouped query needs a page.");
        var group = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        Expression members = group;
        for (var i = 0; i < plan.Order.Count; i++)
        {
            var key = plan.Order[i];
            var descending = key.Descending ^ page.Backward;
            var method = i == 0
                ? (descending ? EnumerableOrderByDescending : EnumerableOrderBy)
                : (descending ? EnumerableThenByDescending : EnumerableThenBy);
            members = Expression.Call(method.MakeGenericMethod(typeof(TRow), key.KeyType), members, key.Selector);
        }
        members = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TRow)], members, Expression.Constant(page.Size + 1));
        members = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TRow), typeof(KeysetRow<TNode>)], members, plan.RowSelector());
        members = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(KeysetRow<TNode>)], members);

        var groupType = typeof(RowGroup<TKey, KeysetRow<TNode>>);
        var selector = Expression.Lambda<Func<IGrouping<TKey, TRow>, RowGroup<TKey, KeysetRow<TNode>>>>(
            Expression.MemberInit(Expression.New(groupType),
                Expression.Bind(groupType.GetProperty(nameof(RowGroup<TKey, TNode>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, TRow>.Key))),
                Expression.Bind(groupType.GetProperty(nameof(RowGroup<TKey, TNode>.Rows))!, members)),
            group);
        return plan.WithinCursors(ForParents(rows, keys, parentKey, plan)).GroupBy(parentKey).Select(selector);
    }

    /// <summary>
    /// Lists without a page (an article's authors): one plain ordered query, grouped by the caller.
    /// Rows keep their order within each parent, and the database is spared the window function.
    /// </summary>
    public static IQueryable<KeyedRow<TKey, KeysetRow<TNode>>> UnpagedQuery<TRow, TKey, TNode>(
        IQueryable<TRow> rows, Expression keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan)
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        var keyedType = typeof(KeyedRow<TKey, KeysetRow<TNode>>);
        var selector = Expression.Lambda<Func<TRow, KeyedRow<TKey, KeysetRow<TNode>>>>(
            Expression.MemberInit(Expression.New(keyedType),
                Expression.Bind(keyedType.GetProperty(nameof(KeyedRow<TKey, TNode>.Key))!, ExpressionRewriter.Inline(parentKey, row)),
                Expression.Bind(keyedType.GetProperty(nameof(KeyedRow<TKey, TNode>.Row))!, ExpressionRewriter.Inline(plan.RowSelector(), row))),
            row);
        return ForParents(rows, keys, parentKey, plan).OrderBy(plan.Order).Select(selector);
    }

    public static IQueryable<CountGroup<TKey>> CountsQuery<TRow, TKey, TNode>(
        IQueryable<TRow> rows, Expression keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan)
        => ForParents(rows, keys, parentKey, plan).GroupBy(parentKey).Select(g => new CountGroup<TKey> { Key = g.Key, Count = g.Count() });

    /// <summary>Rows of unpaged lists, in order, grouped by parent.</summary>
    public static Dictionary<TKey, List<KeysetRow<TNode>>> Group<TKey, TNode>(List<KeyedRow<TKey, KeysetRow<TNode>>> fetched)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, List<KeysetRow<TNode>>>();
        foreach (var keyed in fetched)
        {
            if (!groups.TryGetValue(keyed.Key, out var list))
                groups[keyed.Key] = list = [];
            list.Add(keyed.Row);
        }
        return groups;
    }

    /// <summary>
    /// The parents' keys as a parameter: one key alone (<c>= @key</c>), several as a list (<c>= ANY(@keys)</c> on
    /// PostgreSQL, one JSON parameter on SQLite), so the statement does not depend on how many. One parent (an
    /// article page's lists) gets its own statement because PostgreSQL cannot plan a list parameter once for all
    /// values: it re-plans <c>= ANY(@keys)</c> on every execution when it guesses ten keys and finds one
    /// (docs/benchmarks.md, "Planning of prepared statements").
    /// </summary>
    public static Expression Keys<TKey>(IReadOnlyList<TKey> keys)
        => keys.Count == 1 ? ExpressionRewriter.Parameter(keys[0], typeof(TKey)) : ExpressionRewriter.Parameter(keys.ToList(), typeof(List<TKey>));

    /// <summary>The value <see cref="Keys"/> holds for these keys.</summary>
    public static object KeysValue<TKey>(IReadOnlyList<TKey> keys) where TKey : notnull => keys.Count == 1 ? keys[0] : keys.ToList();

    /// <summary>The part of a shape that <see cref="Keys"/> adds: whether the statement is for one parent.</summary>
    public static string KeysShape<TKey>(IReadOnlyList<TKey> keys) => keys.Count == 1 ? ":one" : ":many";

    private static IQueryable<TRow> ForParents<TRow, TKey, TNode>(
        IQueryable<TRow> rows, Expression keys, Expression<Func<TRow, TKey>> parentKey, QueryPlan<TRow, TNode> plan)
    {
        var ofParents = keys.Type == typeof(TKey)
            ? Expression.Equal(parentKey.Body, keys)
            : (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], keys, parentKey.Body);
        return Filtered(rows.Where(Expression.Lambda<Func<TRow, bool>>(ofParents, parentKey.Parameters)), plan);
    }

    private static MethodInfo EnumerableMethod(string name)
        => typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
