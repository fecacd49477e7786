using System.Linq.Expressions;
using System.Security.Claims;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// The fetches of a nested query field (<see cref="QueryFieldBuilder{TSource,TEntity,TSelf}.ResolveBatched"/>):
/// one statement for all parents of a level, as pages (connections) or plain lists.
/// </summary>
internal sealed class BatchedQuery<TDbContext, TKey, TRow, TEntity>(
    Func<TDbContext, ClaimsPrincipal?, IQueryable<TRow>> rows,
    Expression<Func<TRow, TKey>> rowParentKey,
    Expression<Func<TRow, TEntity>> element,
    IReadOnlyList<OrderKey> rowOrder)
    where TDbContext : DbContext
    where TKey : notnull
    where TRow : class
    where TEntity : class
{
    private readonly ShapedQueries<TDbContext> _shaped = new();

    /// <summary>
    /// A page per parent, with its total when the request counts: from the pages themselves when every
    /// parent's holds all its rows (<see cref="PageRequest.HoldsAll"/>), else from one count statement.
    /// </summary>
    public Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, Connection>>> ConnectionsAsync(
        IResolveFieldContext context, FieldRequest<TEntity> request)
        => Fetch<Connection>(context, request, async (db, user, plan, keys, groups, cancellationToken) =>
        {
            int Fetched(TKey key) => groups.TryGetValue(key, out var found) ? found.Count : 0;
            var counts = !plan.Count ? null
                : request.Page is { } requested && keys.All(k => requested.HoldsAll(Fetched(k))) ? keys.ToDictionary(k => k, Fetched)
                : await _shaped.CountsAsync(db, rows(db, user), keys, rowParentKey, request, () => request.Plan(db.Model, element, rowOrder), cancellationToken);
            return keys.ToDictionary(k => k, k =>
            {
                var page = plan.ToConnection(groups.TryGetValue(k, out var found) ? found : [], counts is null ? null : counts.GetValueOrDefault(k));
                return new Connection { Edges = page.Edges, PageInfo = page.PageInfo, TotalCount = page.TotalCount, Source = SourceOf(k, request) };
            });
        });

    /// <summary>One parent's items, filtered as its page was, for fields that aggregate over them.</summary>
    private ConnectionSource<TEntity> SourceOf(TKey key, FieldRequest<TEntity> request)
        => new(async (context, cancellationToken) => await context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>().CreateDbContextAsync(cancellationToken),
            (db, context) =>
            {
                var ofParent = Expression.Lambda<Func<TRow, bool>>(
                    Expression.Equal(rowParentKey.Body, Linq.ExpressionRewriter.Parameter(key, typeof(TKey))), rowParentKey.Parameters);
                var items = rows((TDbContext)db, context.User).Where(ofParent).Select(element);
                return request.Filter is { } filter ? items.Where(filter) : items;
            });

    /// <summary>A plain list per parent.</summary>
    public Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<object>>>> ListsAsync(
        IResolveFieldContext context, FieldRequest<TEntity> request)
        => Fetch<IReadOnlyList<object>>(context, request, (_, _, _, _, groups, _) => Task.FromResult<IReadOnlyDictionary<TKey, IReadOnlyList<object>>>(
            groups.ToDictionary(g => g.Key, g => (IReadOnlyList<object>)[.. g.Value.Select(r => (object)r.Node!)])));

    /// <summary>The fetch of a loader: the rows of all its parents in one statement, then shaped per parent.</summary>
    private Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> Fetch<TValue>(
        IResolveFieldContext context, FieldRequest<TEntity> request, Shape<TValue> shape)
    {
        // One request has one caller, so the caller need not be part of the loader's key.
        var (dbFactory, user) = (context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>(), context.User);
        return async (keys, cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (groups, plan) = await _shaped.GroupedAsync(db, rows(db, user).AsNoTracking(), keys, rowParentKey, request,
                () => request.Plan(db.Model, element, rowOrder), cancellationToken);
            return await shape(db, user, plan, keys, groups, cancellationToken);
        };
    }

    /// <param name="plan">The request's order and page, to shape the rows with (its filter is not the request's: build queries with <see cref="FieldRequest{TEntity}.Plan"/>).</param>
    private delegate Task<IReadOnlyDictionary<TKey, TValue>> Shape<TValue>(
        TDbContext db, ClaimsPrincipal? user, QueryPlan<TRow, TEntity> plan, IReadOnlyList<TKey> keys,
        Dictionary<TKey, List<KeysetRow<TEntity>>> groups, CancellationToken cancellationToken);
}
