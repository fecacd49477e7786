using GraphQL.Types;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Fields;

public readonly struct QueryFieldStart<TSource>(ObjectGraphType<TSource> type, string name)
{
    /// <summary>A cursor connection with Hot Chocolate's <c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>.</summary>
    public ConnectionFieldBuilder<TSource, TEntity> Connection<TConnectionGraphType, TEntity>()
        where TConnectionGraphType : IGraphType, IConnectionGraphType
        where TEntity : class
    {
        var field = type.Field<TConnectionGraphType>(name).PagingArguments();
        return new ConnectionFieldBuilder<TSource, TEntity>(field.FieldType);
    }

    /// <summary>A plain list (<c>[T!]!</c>), for short nested collections such as an article's images.</summary>
    public ListFieldBuilder<TSource, TEntity> List<TNodeGraphType, TEntity>()
        where TNodeGraphType : IGraphType
        where TEntity : class
        => new(type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>(name).FieldType);
}
