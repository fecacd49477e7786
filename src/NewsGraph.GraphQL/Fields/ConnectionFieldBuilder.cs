using GraphQL.Types;

namespace NewsGraph.GraphQL.Fields;

public sealed class ConnectionFieldBuilder<TSource, TEntity>(FieldType field)
    : QueryFieldBuilder<TSource, TEntity, ConnectionFieldBuilder<TSource, TEntity>>(field)
    where TEntity : class
{
    protected override bool IsConnection => true;
}
