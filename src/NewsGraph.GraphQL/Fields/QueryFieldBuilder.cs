using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Fields;

/// <summary>
/// A field whose items come from a database query, with Hot Chocolate's <c>where</c> and
/// <c>order</c> arguments translated to SQL and only the selected columns read. Root fields run
/// one query; nested fields (<see cref="ResolveBatched"/>) run one query for all parents of a level.
/// </summary>
public abstract class QueryFieldBuilder<TSource, TEntity, TSelf>
    where TEntity : class
    where TSelf : QueryFieldBuilder<TSource, TEntity, TSelf>
{
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = false };
    private readonly List<OrderKey> _defaultOrder = [];
    private readonly List<(string Selector, Func<IResolveFieldContext, bool>? When)> _neverNull = [];
    private LambdaExpression _uniqueKey = DefaultUniqueKey();
    private bool _sameForEveryCaller;

    protected QueryFieldBuilder(FieldType field)
    {
        FieldType = field;
    }

    public FieldType FieldType { get; }

    protected abstract bool IsConnection { get; }

    private TSelf Self => (TSelf)this;

    public TSelf Description(string description)
    {
        FieldType.Description = description;
        return Self;
    }

    /// <summary>Adds <c>where: TFilter</c>.</summary>
    public TSelf Filtering<TFilterInputType>()
        where TFilterInputType : FilterInputType<TEntity>
    {
        Arguments().Add(new QueryArgument(typeof(TFilterInputType)) { Name = "where" });
        return Self;
    }

    /// <summary>Adds <c>order: [TSort!]</c>.</summary>
    public TSelf Sorting<TSortInputType>()
        where TSortInputType : SortInputType<TEntity>
    {
        Arguments().Add(new QueryArgument(typeof(ListGraphType<NonNullGraphType<TSortInputType>>)) { Name = "order" });
        return Self;
    }

    /// <summary>The order when the request gives none; calls add keys in turn.</summary>
    public TSelf DefaultOrder<TKey>(Expression<Func<TEntity, TKey>> key, bool descending = false)
    {
        _defaultOrder.Add(new OrderKey(key, descending));
        return Self;
    }

    /// <summary>The key that ends every order so pages are stable (default: the <c>Id</c> property).</summary>
    public TSelf UniqueKey<TKey>(Expression<Func<TEntity, TKey>> key)
    {
        _uniqueKey = key;
        return Self;
    }

    /// <summary>
    /// Declares that the field's query never returns null for <paramref name="member"/> (a publication
    /// time of published stories): ordering by it then pages with plain range conditions that seek in an
    /// index, instead of conditions that also look for nulls.
    /// </summary>
    /// <param name="when">Limits the promise to some requests (for example, callers who only see published stories).</param>
    public TSelf NeverNull<TKey>(Expression<Func<TEntity, TKey?>> member, Func<IResolveFieldContext, bool>? when = null)
        where TKey : struct
    {
        _neverNull.Add((new OrderKey(member, false).SelectorText, when));
        return Self;
    }

    /// <summary>Only callers with one of <paramref name="roles"/> may resolve the field (see <see cref="Authorization.FieldAuthorization"/>).</summary>
    public TSelf Authorize(params string[] roles)
    {
        Authorization.FieldAuthorization.Authorize(FieldType, roles);
        return Self;
    }

    /// <summary>
    /// Declares that the rows of <see cref="ResolveBatched"/> do not depend on the caller (an article's
    /// authors, whoever reads it): concurrent requests asking the same of this field then share
    /// fetches (<see cref="SharedFetches"/>).
    /// </summary>
    public TSelf SameForEveryCaller()
    {
        _sameForEveryCaller = true;
        return Self;
    }

    /// <summary>Resolves from a query of the entity (root fields).</summary>
    public void Resolve<TDbContext>(Func<TDbContext, IResolveFieldContext, IQueryable<TEntity>> query)
        where TDbContext : DbContext
    {
        FieldType.Resolver = new AsyncResolver(async context =>
        {
            var request = Request(context);
            await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>()
                .CreateDbContextAsync(context.CancellationToken);
            var plan = request.Plan(db.Model, (Expression<Func<TEntity, TEntity>>)(x => x), []);
            var source = query(db, context).AsNoTracking();
            if (IsConnection)
                return await QueryExecutor.ConnectionAsync(source, plan, context.CancellationToken);
            var rows = plan.Filter is { } filter ? source.Where(filter) : source;
            var fetched = await rows.OrderBy(plan.Order).Select(plan.Node).ToListAsync(context.CancellationToken);
            return fetched;
        });
    }

    /// <summary>
    /// Resolves the items of many parents with one query per level: <paramref name="rows"/> (for the
    /// calling user) relate a parent key (<paramref name="rowParentKey"/>) to an item (<paramref name="element"/>);
    /// <paramref name="rowOrder"/> orders them when the request gives no order (a position column).
    /// </summary>
    public void ResolveBatched<TDbContext, TKey, TRow>(
        Func<TSource, TKey> parentKey,
        Func<TDbContext, System.Security.Claims.ClaimsPrincipal?, IQueryable<TRow>> rows,
        Expression<Func<TRow, TKey>> rowParentKey,
        Expression<Func<TRow, TEntity>> element,
        Expression<Func<TRow, object?>>? rowOrder = null)
        where TDbContext : DbContext
        where TKey : notnull
        where TRow : class
    {
        OrderKey[] rowOrderKeys = rowOrder is null ? [] : [OrderKey.From(rowOrder, descending: false)];
        var coordinate = FieldType.Name;
        FieldType.Resolver = new AsyncResolver(context =>
        {
            var scope = context.RequestServices!.GetRequiredService<DataLoaderScope>();
            var loader = scope.ForNode(this, context.FieldAst, () => LoaderFor(context, scope));
            var key = parentKey((TSource)context.Source!);
            return Task.FromResult<object?>(loader switch
            {
                DelegateDataLoader<TKey, Connection> connections => connections.LoadAsync(key),
                DelegateDataLoader<TKey, IReadOnlyList<object>> lists => lists.LoadAsync(key),
                _ => throw new InvalidOperationException($"Unexpected loader {loader.GetType().Name}."),
            });
        });

        // Fields with the same arguments and selection share a loader, wherever they appear in the document.
        object LoaderFor(IResolveFieldContext context, DataLoaderScope scope)
        {
            var request = Request(context);
            // One request has one caller, so the caller need not be part of the key.
            var user = context.User;
            var loaderKey = $"{context.ParentType.Name}.{coordinate}:{request.Key}";
            return scope.GetOrAdd(loaderKey, () =>
            {
                var dbFactory = context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>();
                // Shared only between requests that would build the same query: the key covers the
                // arguments and selection; the caller changes the plan only through NeverNull promises.
                var shared = _sameForEveryCaller ? context.RequestServices!.GetRequiredService<SharedFetches>() : null;
                var kind = shared is null ? null : $"{loaderKey}|{NeverNullHolding(context)}";
                return IsConnection
                    ? (object)new DelegateDataLoader<TKey, Connection>(async (keys, cancellationToken) =>
                    {
                        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                        var plan = request.Plan(db.Model, element, rowOrderKeys);
                        var groups = await QueryExecutor.GroupedAsync(rows(db, user).AsNoTracking(), keys, rowParentKey, plan, cancellationToken);
                        var counts = plan.Count ? await QueryExecutor.CountsAsync(rows(db, user), keys, rowParentKey, plan, cancellationToken) : null;
                        return keys.ToDictionary(k => k, k => plan.ToConnection(
                            groups.TryGetValue(k, out var found) ? found : [], counts is null ? null : counts.GetValueOrDefault(k)));
                    }, Connection.Empty, shared, kind)
                    : new DelegateDataLoader<TKey, IReadOnlyList<object>>(async (keys, cancellationToken) =>
                    {
                        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                        var plan = request.Plan(db.Model, element, rowOrderKeys);
                        var groups = await QueryExecutor.GroupedAsync(rows(db, user).AsNoTracking(), keys, rowParentKey, plan, cancellationToken);
                        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<object>)[.. g.Value.Select(r => (object)r.Node!)]);
                    }, [], shared, kind);
            });
        }
    }

    /// <summary>Everything the request asks of this field, read and checked now (errors surface on the field).</summary>
    private FieldRequest Request(IResolveFieldContext context)
    {
        var where = context.Arguments?.TryGetValue("where", out var w) == true ? w.Value : null;
        var order = context.Arguments?.TryGetValue("order", out var o) == true ? o.Value : null;
        var filter = where is null ? null : FilterTranslator.ToPredicate<TEntity>(Argument(context, "where"), where);
        var userOrder = order is null ? [] : SortTranslator.ToKeys<TEntity>(Argument(context, "order"), order);
        var page = IsConnection
            ? PageRequest.From(context, context.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value)
            : (PageRequest?)null;
        var members = SelectedMembers.Of(context);
        var count = IsConnection && SelectedMembers.AsksFor(context, "totalCount");
        var key = JsonSerializer.Serialize(new object?[] { where, order, page, members.Order(StringComparer.Ordinal), count }, KeyJson);
        return new FieldRequest(filter, NonNullable(userOrder, context), NonNullable(_defaultOrder, context), _uniqueKey, page, members, count, key);
    }

    /// <summary>Which <see cref="NeverNull"/> promises hold for this caller, one character each.</summary>
    private string NeverNullHolding(IResolveFieldContext context)
        => string.Concat(_neverNull.Select(n => n.When is null || n.When(context) ? '1' : '0'));

    private List<OrderKey> NonNullable(IReadOnlyList<OrderKey> keys, IResolveFieldContext context)
        => [.. keys.Select(k => _neverNull.Any(n => n.Selector == k.SelectorText && (n.When is null || n.When(context))) ? k.WithoutNulls() : k)];

    private static IGraphType Argument(IResolveFieldContext context, string name)
        => context.FieldDefinition.Arguments!.Find(name)!.ResolvedType!;

    private QueryArguments Arguments() => FieldType.Arguments ??= [];

    private static LambdaExpression DefaultUniqueKey()
    {
        var property = typeof(TEntity).GetProperty("Id");
        if (property is null)
            return Expression.Lambda(Expression.Constant(0), Expression.Parameter(typeof(TEntity), "x"));
        var entity = Expression.Parameter(typeof(TEntity), "x");
        return Expression.Lambda(Expression.Property(entity, property), entity);
    }

    private sealed record FieldRequest(
        Expression<Func<TEntity, bool>>? Filter,
        IReadOnlyList<OrderKey> UserOrder,
        IReadOnlyList<OrderKey> DefaultOrder,
        LambdaExpression UniqueKey,
        PageRequest? Page,
        IReadOnlySet<string> Members,
        bool Count,
        string Key)
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

    private sealed class AsyncResolver(Func<IResolveFieldContext, Task<object?>> resolve) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) => await resolve(context).ConfigureAwait(false);
    }
}

public sealed class ConnectionFieldBuilder<TSource, TEntity>(FieldType field)
    : QueryFieldBuilder<TSource, TEntity, ConnectionFieldBuilder<TSource, TEntity>>(field)
    where TEntity : class
{
    protected override bool IsConnection => true;
}

public sealed class ListFieldBuilder<TSource, TEntity>(FieldType field)
    : QueryFieldBuilder<TSource, TEntity, ListFieldBuilder<TSource, TEntity>>(field)
    where TEntity : class
{
    protected override bool IsConnection => false;
}

public static class QueryFieldExtensions
{
    /// <summary>Starts a field answered from a database query: <c>.QueryField("articles").Connection&lt;...&gt;()</c>.</summary>
    public static QueryFieldStart<TSource> QueryField<TSource>(this ObjectGraphType<TSource> type, string name) => new(type, name);
}

public readonly struct QueryFieldStart<TSource>(ObjectGraphType<TSource> type, string name)
{
    /// <summary>A cursor connection with Hot Chocolate's <c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>.</summary>
    public ConnectionFieldBuilder<TSource, TEntity> Connection<TConnectionGraphType, TEntity>()
        where TConnectionGraphType : IGraphType, IConnectionGraphType
        where TEntity : class
    {
        var field = type.Field<TConnectionGraphType>(name)
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");
        return new ConnectionFieldBuilder<TSource, TEntity>(field.FieldType);
    }

    /// <summary>A plain list (<c>[T!]!</c>), for short nested collections such as an article's images.</summary>
    public ListFieldBuilder<TSource, TEntity> List<TNodeGraphType, TEntity>()
        where TNodeGraphType : IGraphType
        where TEntity : class
        => new(type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>(name).FieldType);
}
