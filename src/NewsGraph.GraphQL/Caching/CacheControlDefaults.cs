using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Applies Hot Chocolate's cache-control defaults: every field of the query type, and every field
/// that fetches data (connections, <c>totalCount</c>, fields marked <c>ResolverCost()</c>), that has
/// no <c>@cacheControl</c> of its own gets <c>@cacheControl(maxAge: DefaultMaxAge)</c>, so the
/// printed schema says what each field allows. Mutation and subscription fields get none.
/// </summary>
public sealed class CacheControlDefaults(CacheControlOptions options) : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (!options.Enable || field.Name.StartsWith("__", StringComparison.Ordinal) || type.Name.StartsWith("__", StringComparison.Ordinal)
            || ReferenceEquals(type, schema.Mutation) || ReferenceEquals(type, schema.Subscription))
            return;
        var hint = CacheHint.Of(field);
        var isQuery = ReferenceEquals(type, schema.Query);
        if (isQuery && hint is { InheritMaxAge: true })
            throw new InvalidOperationException($"@cacheControl on {type.Name}.{field.Name} cannot inherit a maxAge: the query type's fields have no parent.");
        if (hint is not null || !options.ApplyDefaults || !(isQuery || FetchesData(field, type)))
            return;
        field.CacheControl(
            options.DefaultMaxAge,
            options.DefaultSharedMaxAge,
            options.DefaultScope == CacheControlScope.Private ? CacheControlScope.Private : null);
    }

    private static bool FetchesData(FieldType field, IObjectGraphType type)
        => field.GetMetadata<bool>(CostFieldExtensions.ResolverCostKey)
           || field.ResolvedType?.GetNamedType() is IConnectionGraphType
           || (type is IConnectionGraphType && field.Name == "totalCount");
}
