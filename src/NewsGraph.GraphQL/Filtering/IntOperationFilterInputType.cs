using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput");
