using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class FloatOperationFilterInputType() : ComparableOperationFilterInputType<FloatGraphType>("FloatOperationFilterInput");
