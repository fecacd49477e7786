using System.Linq.Expressions;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// What one field asks of its rows (of type <typeparamref name="TRow"/>): a filter, an order that
/// ends with a unique key, a page (null for a plain list), the node the row yields with only the
/// members the selection needs, and whether to count.
/// </summary>
public sealed record QueryPlan<TRow, TNode>(
    Expression<Func<TRow, bool>>? Filter,
    IReadOnlyList<OrderKey> Order,
    PageRequest? Page,
    Expression<Func<TRow, TNode>> Node,
    bool Count)
{
    public string Fingerprint { get; } = KeysetCursor.Fingerprint(Order);

    /// <summary><c>x =&gt; new KeysetRow { Node = node(x), Keys = [key1(x), ...] }</c>.</summary>
    public Expression<Func<TRow, KeysetRow<TNode>>> RowSelector()
    {
        var row = Node.Parameters[0];
        var keys = Expression.NewArrayInit(typeof(object),
            Order.Select(k => Expression.Convert(Linq.ExpressionRewriter.Inline(k.Selector, row), typeof(object))));
        var body = Expression.MemberInit(Expression.New(typeof(KeysetRow<TNode>)),
            Expression.Bind(typeof(KeysetRow<TNode>).GetProperty(nameof(KeysetRow<TNode>.Node))!, Node.Body),
            Expression.Bind(typeof(KeysetRow<TNode>).GetProperty(nameof(KeysetRow<TNode>.Keys))!, keys));
        return Expression.Lambda<Func<TRow, KeysetRow<TNode>>>(body, row);
    }

    /// <summary>The rows between the page's cursors; HC0078 for a cursor that is not one of this order's.</summary>
    public IQueryable<TRow> WithinCursors(IQueryable<TRow> rows)
    {
        if (Page is not { } page)
            return rows;
        if (page.After is { } after)
            rows = rows.Where(KeysetPredicate.Beyond<TRow>(Order, Decode(after, "after"), before: false));
        if (page.Before is { } before)
            rows = rows.Where(KeysetPredicate.Beyond<TRow>(Order, Decode(before, "before"), before: true));
        return rows;
    }

    /// <summary>Turns up to Size + 1 fetched rows (in fetch order) into a page.</summary>
    public Connection ToConnection(IReadOnlyList<KeysetRow<TNode>> fetched, int? totalCount)
    {
        var page = Page ?? throw new InvalidOperationException("A plain list has no page.");
        var more = fetched.Count > page.Size;
        IEnumerable<KeysetRow<TNode>> rows = fetched.Take(page.Size);
        if (page.Backward)
            rows = rows.Reverse();
        var edges = rows.Select(r => new Edge(r.Node!, () => KeysetCursor.Encode(Fingerprint, r.Keys))).ToList();
        var pageInfo = page.Backward
            ? new PageInfo(hasNextPage: page.Before is not null, hasPreviousPage: more, edges.FirstOrDefault(), edges.LastOrDefault())
            : new PageInfo(hasNextPage: more, hasPreviousPage: page.After is not null, edges.FirstOrDefault(), edges.LastOrDefault());
        return new Connection { Edges = edges, PageInfo = pageInfo, TotalCount = totalCount };
    }

    private object?[] Decode(string cursor, string argument)
        => KeysetCursor.TryDecode(cursor, Fingerprint, Order, out var values) ? values : throw PagingErrors.InvalidCursor(argument, cursor);
}
