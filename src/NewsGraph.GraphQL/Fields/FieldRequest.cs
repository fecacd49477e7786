using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// Everything one request asks of a query field, read and checked once per place in the document:
/// filter, order, page, selected members, whether to count, and a key that is equal for equal requests;
/// <paramref name="Shape"/> is the same for requests that differ in values only (filter operands,
/// page size, cursors), so their queries differ in parameters only (<see cref="ShapedQueries{TDbContext}"/>).
/// </summary>
internal sealed record FieldRequest<TEntity>(
    Expression<Func<TEntity, bool>>? Filter,
    FilterRequirements<TEntity> Requirements,
    IReadOnlyList<OrderKey> UserOrder,
    IReadOnlyList<OrderKey> DefaultOrder,
    LambdaExpression UniqueKey,
    PageRequest? Page,
    IReadOnlySet<string> Members,
    bool Count,
    string Key,
    string Shape)
{
    /// <summary>The plan over rows that yield the entity through <paramref name="element"/>.</summary>
    public QueryPlan<TRow, TEntity> Plan<TRow>(IModel model, Expression<Func<TRow, TEntity>> element, IReadOnlyList<OrderKey> rowOrder)
    {
        var order = UserOrder.Count > 0
            ? [.. UserOrder.Select(k => k.Over(element))]
            : rowOrder.Concat(DefaultOrder.Select(k => k.Over(element))).ToList();
        var unique = new OrderKey(UniqueKey, order.LastOrDefault()?.Descending ?? false).Over(element);
        if (!order.Any(k => k.Signature == unique.Signature))
            order.Add(unique);
        var projection = ProjectionBuilder.For<TEntity>(model, Members);
        var node = projection is null ? element : (Expression<Func<TRow, TEntity>>)ExpressionRewriter.Compose(element, projection);
        var filter = Filter is null ? null : (Expression<Func<TRow, bool>>)ExpressionRewriter.Compose(element, Filter);
        return new QueryPlan<TRow, TEntity>(filter, order, Page, node, Count);
    }
}
