using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Filtering;
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
    // Deeper than any argument can nest (request bodies are read 128 levels deep, documents 100):
    // at the default of 64, a filter of 60 nested `not`s failed as an unexpected error.
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = false, MaxDepth = 256 };
    private readonly List<OrderKey> _defaultOrder = [];
    private readonly List<(string Selector, Func<IResolveFieldContext, bool>? When)> _neverNull = [];
    private LambdaExpression _uniqueKey = DefaultUniqueKey();
    private bool _sameForEveryCaller;
    private Func<IQueryable<TEntity>, DbContext, FilterRequirements<TEntity>, IQueryable<TEntity>>? _narrow;

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

    /// <summary>
    /// Narrows a root field's query before its filter runs, from what the filter requires of every
    /// result (<see cref="FilterRequirements{T}"/>): a feature's index lookup, for example. The filter
    /// still runs on what is left, so results stay exactly the filter's.
    /// </summary>
    public TSelf Narrow<TDbContext>(Func<IQueryable<TEntity>, TDbContext, FilterRequirements<TEntity>, IQueryable<TEntity>> narrow)
        where TDbContext : DbContext
    {
        _narrow = (query, db, requirements) => narrow(query, (TDbContext)db, requirements);
        return Self;
    }

    /// <summary><c>@cacheControl</c> on the field (see <see cref="Caching.CacheControlExtensions"/>).</summary>
    public TSelf CacheControl(int? maxAge = null, int? sharedMaxAge = null, Caching.CacheControlScope? scope = null, bool inheritMaxAge = false, params string[] vary)
    {
        Caching.CacheControlExtensions.CacheControl(FieldType, maxAge, sharedMaxAge, scope, inheritMaxAge, vary);
        return Self;
    }

    /// <summary>The keys of the list this field reads, from its arguments (see <see cref="Caching.ResponseKeyExtensions"/>).</summary>
    public TSelf ResponseKeys(Func<IResolveFieldContext, IEnumerable<string>> keys)
    {
        Caching.ResponseKeyExtensions.ResponseKeys(FieldType, keys);
        return Self;
    }

    /// <summary><c>@listSize(assumedSize:)</c> for a list field: how many items cost analysis assumes it holds.</summary>
    public TSelf AssumedSize(int assumedSize)
    {
        FieldType.ApplyDirective(ListSizeDirective.DirectiveName, "assumedSize", assumedSize);
        return Self;
    }

    /// <summary>Resolves from a query of the entity (root fields).</summary>
    public void Resolve<TDbContext>(Func<TDbContext, IResolveFieldContext, IQueryable<TEntity>> query)
        where TDbContext : DbContext
    {
        FieldType.ResolverCost();
        var shaped = new ShapedQueries<TDbContext>();
        FieldType.Resolver = new AsyncFieldResolver(async context =>
        {
            var request = Request(context);
            await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>()
                .CreateDbContextAsync(context.CancellationToken);
            QueryPlan<TEntity, TEntity> Plan() => request.Plan(db.Model, (Expression<Func<TEntity, TEntity>>)(x => x), []);
            var source = query(db, context);
            if (_narrow is { } narrow)
                source = narrow(source, db, request.Requirements);
            source = source.AsNoTracking();
            if (IsConnection)
            {
                var page = await shaped.ConnectionAsync(db, source, request, Plan, context.CancellationToken);
                return new Connection { Edges = page.Edges, PageInfo = page.PageInfo, TotalCount = page.TotalCount, Source = RootSource(query, request) };
            }
            return await shaped.ListAsync(db, source, request, Plan, context.CancellationToken);
        });
    }

    /// <summary>The root query again, narrowed and filtered as the page's was, for fields that aggregate over it.</summary>
    private ConnectionSource<TEntity> RootSource<TDbContext>(Func<TDbContext, IResolveFieldContext, IQueryable<TEntity>> query, FieldRequest<TEntity> request)
        where TDbContext : DbContext
        => new(async (context, cancellationToken) => await context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>().CreateDbContextAsync(cancellationToken),
            (db, context) =>
            {
                var source = query((TDbContext)db, context);
                if (_narrow is { } narrow)
                    source = narrow(source, db, request.Requirements);
                return request.Filter is { } filter ? source.Where(filter) : source;
            });

    /// <summary>
    /// Resolves the items of many parents with one query per level: <paramref name="rows"/> (for the
    /// calling user) relate a parent key (<paramref name="rowParentKey"/>) to an item (<paramref name="element"/>);
    /// <paramref name="rowOrder"/> orders them when the request gives no order (a position column).
    /// </summary>
    public void ResolveBatched<TDbContext, TKey, TRow>(
        Func<TSource, TKey> parentKey,
        Func<TDbContext, ClaimsPrincipal?, IQueryable<TRow>> rows,
        Expression<Func<TRow, TKey>> rowParentKey,
        Expression<Func<TRow, TEntity>> element,
        Expression<Func<TRow, object?>>? rowOrder = null)
        where TDbContext : DbContext
        where TKey : notnull
        where TRow : class
    {
        FieldType.ResolverCost();
        var batch = new BatchedQuery<TDbContext, TKey, TRow, TEntity>(rows, rowParentKey, element, rowOrder is null ? [] : [OrderKey.From(rowOrder, descending: false)]);
        FieldType.Resolver = IsConnection
            ? BatchedResolver(parentKey, Connection.Empty, (context, request) => batch.ConnectionsAsync(context, request))
            : BatchedResolver<TKey, IReadOnlyList<object>>(parentKey, [], (context, request) => batch.ListsAsync(context, request));
    }

    /// <summary>
    /// A resolver that loads each parent's <typeparamref name="TValue"/> through a DataLoader made once
    /// per request and place in the document; fields with the same arguments and selection share it.
    /// </summary>
    private AsyncFieldResolver BatchedResolver<TKey, TValue>(
        Func<TSource, TKey> parentKey, TValue missing, Func<IResolveFieldContext, FieldRequest<TEntity>, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>>> fetch)
        where TKey : notnull
    {
        var coordinate = FieldType.Name;
        return new AsyncFieldResolver(context =>
        {
            var scope = context.RequestServices!.GetRequiredService<DataLoaderScope>();
            var loader = scope.ForNode(this, context.FieldAst, () =>
            {
                var request = Request(context);
                var loaderKey = $"{context.ParentType.Name}.{coordinate}:{request.Key}";
                return scope.GetOrAdd(loaderKey, () =>
                {
                    // Shared only between requests that would build the same query: the key covers the
                    // arguments and selection; the caller changes the plan only through NeverNull promises.
                    var shared = _sameForEveryCaller ? context.RequestServices!.GetRequiredService<SharedFetches>() : null;
                    var kind = shared is null ? null : $"{loaderKey}|{NeverNullHolding(context)}";
                    return new DelegateDataLoader<TKey, TValue>(fetch(context, request), missing, shared, kind, $"{context.ParentType.Name}.{coordinate}");
                });
            });
            return Task.FromResult<object?>(loader.LoadAsync(parentKey((TSource)context.Source!)));
        });
    }

    /// <summary>Everything the request asks of this field, read and checked now (errors surface on the field).</summary>
    private FieldRequest<TEntity> Request(IResolveFieldContext context)
    {
        var where = context.Arguments?.TryGetValue("where", out var w) == true ? w.Value : null;
        var order = context.Arguments?.TryGetValue("order", out var o) == true ? o.Value : null;
        var filterType = where is null ? null : Argument(context, "where");
        var filter = filterType is null ? null : FilterTranslator.ToPredicate<TEntity>(filterType, where);
        var userOrder = order is null ? [] : SortTranslator.ToKeys<TEntity>(Argument(context, "order"), order);
        var page = IsConnection
            ? PageRequest.From(context, context.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value)
            : (PageRequest?)null;
        var members = SelectedMembers.Of(context);
        var count = IsConnection && SelectedMembers.AsksFor(context, "totalCount");
        var sorted = members.Order(StringComparer.Ordinal).ToArray();
        var key = JsonSerializer.Serialize(new object?[] { where, order, page, sorted, count }, KeyJson);
        var shape = JsonSerializer.Serialize(new object?[] { order, page?.Backward, sorted, count, NeverNullHolding(context) }, KeyJson);
        return new FieldRequest<TEntity>(filter, new FilterRequirements<TEntity>(filterType, where),
            NonNullable(userOrder, context), NonNullable(_defaultOrder, context), _uniqueKey, page, members, count, key, shape);
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
}
