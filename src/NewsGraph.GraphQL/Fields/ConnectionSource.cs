using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// What a connection's items were selected from, before order and page: the field's query with its
/// filter and the caller's view. Fields below the connection that aggregate over all of its items
/// (facets: counts by group) run their own statement over it, only when selected. It is rebuilt in a
/// DbContext of its own, with the context of the field that asks (the same request and caller).
/// </summary>
public sealed class ConnectionSource<TEntity>(
    Func<IResolveFieldContext, CancellationToken, Task<DbContext>> createDbContext,
    Func<DbContext, IResolveFieldContext, IQueryable<TEntity>> query)
    where TEntity : class
{
    /// <summary>Runs <paramref name="run"/> over the items, in a DbContext that lives as long as it does.</summary>
    public async Task<T> QueryAsync<T>(IResolveFieldContext context, Func<IQueryable<TEntity>, DbContext, Task<T>> run)
    {
        await using var db = await createDbContext(context, context.CancellationToken);
        return await run(query(db, context).AsNoTracking(), db);
    }
}
