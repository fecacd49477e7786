using System.Linq.Expressions;
using System.Text.Json;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Fields;

public sealed class ListFieldBuilder<TSource, TEntity>(FieldType field)
    : QueryFieldBuilder<TSource, TEntity, ListFieldBuilder<TSource, TEntity>>(field)
    where TEntity : class
{
    protected override bool IsConnection => false;
}
