using GraphQL.Types;

namespace NewsGraph.GraphQL.Fields;

public sealed class ListFieldBuilder<TSource, TEntity>(FieldType field)
    : QueryFieldBuilder<TSource, TEntity, ListFieldBuilder<TSource, TEntity>>(field)
    where TEntity : class
{
    protected override bool IsConnection => false;
}
