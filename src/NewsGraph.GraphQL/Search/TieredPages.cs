using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Search;

/// <summary>
/// Pages of a connection whose rows come from several queries ("tiers") taken in turn, each ordered
/// by the same keys: all of the first tier, then all of the second... A page reads only the tiers it
/// reaches, so a costly later tier (ranking every match) runs only for the pages that get there.
/// Cursors hold the tier and the row's keys, so a page after a cursor starts in that cursor's tier;
/// backward pages (<c>last</c>) read the tiers from the last.
/// </summary>
public sealed class TieredPages<TRow>
    where TRow : class
{
    private readonly IReadOnlyList<OrderKey> _order;
    private readonly IReadOnlyList<OrderKey> _cursorOrder;
    private readonly Func<TRow, object?>[] _keys;
    private readonly string _fingerprint;

    public TieredPages(IReadOnlyList<OrderKey> order)
    {
        _order = order;
        Expression<Func<TRow, int>> tier = _ => 0;
        _cursorOrder = [new OrderKey(tier, false), .. order];
        _keys = [.. order.Select(k => Compile(k.Selector))];
        _fingerprint = "t" + KeysetCursor.Fingerprint(_cursorOrder);
    }

    /// <summary>The page <paramref name="page"/> asks for; <paramref name="node"/> makes each row's node from the row and its tier.</summary>
    public async Task<Connection> PageAsync(IReadOnlyList<IQueryable<TRow>> tiers, PageRequest page, Func<TRow, int, object> node, int? totalCount, CancellationToken cancellationToken)
    {
        var after = Decode(page.After, "after");
        var before = Decode(page.Before, "before");
        var wanted = page.Size + 1;
        var fetched = new List<(int Tier, TRow Row)>();
        var order = Enumerable.Range(0, tiers.Count);
        foreach (var tier in page.Backward ? order.Reverse() : order)
        {
            if (fetched.Count >= wanted || page.Size == 0)
                break;
            if (tier < (after?.Tier ?? 0) || tier > (before?.Tier ?? tiers.Count - 1))
                continue;
            var rows = tiers[tier];
            if (after is { } a && a.Tier == tier)
                rows = rows.Where(KeysetPredicate.Beyond<TRow>(_order, a.Keys, before: false));
            if (before is { } b && b.Tier == tier)
                rows = rows.Where(KeysetPredicate.Beyond<TRow>(_order, b.Keys, before: true));
            var found = await rows.OrderBy(_order, reverse: page.Backward).Take(wanted - fetched.Count).ToListAsync(cancellationToken);
            fetched.AddRange(found.Select(r => (tier, r)));
        }
        return ToConnection(fetched, page, node, totalCount);
    }

    private Connection ToConnection(List<(int Tier, TRow Row)> fetched, PageRequest page, Func<TRow, int, object> node, int? totalCount)
    {
        var more = fetched.Count > page.Size;
        IEnumerable<(int Tier, TRow Row)> rows = fetched.Take(page.Size);
        if (page.Backward)
            rows = rows.Reverse();
        var edges = rows.Select(r => new Edge(node(r.Row, r.Tier), () => KeysetCursor.Encode(_fingerprint, [r.Tier, .. _keys.Select(k => k(r.Row))]))).ToList();
        var pageInfo = page.Backward
            ? new PageInfo(hasNextPage: page.Before is not null, hasPreviousPage: more, edges.FirstOrDefault(), edges.LastOrDefault())
            : new PageInfo(hasNextPage: more, hasPreviousPage: page.After is not null, edges.FirstOrDefault(), edges.LastOrDefault());
        return new Connection { Edges = edges, PageInfo = pageInfo, TotalCount = totalCount };
    }

    private (int Tier, object?[] Keys)? Decode(string? cursor, string argument)
    {
        if (cursor is null)
            return null;
        if (!KeysetCursor.TryDecode(cursor, _fingerprint, _cursorOrder, out var values) || (int)values[0]! < 0)
            throw PagingErrors.InvalidCursor(argument, cursor);
        return ((int)values[0]!, values[1..]);
    }

    private static Func<TRow, object?> Compile(LambdaExpression selector)
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        var body = Expression.Convert(Linq.ExpressionRewriter.Inline(selector, row), typeof(object));
        return Expression.Lambda<Func<TRow, object?>>(body, row).Compile();
    }
}
